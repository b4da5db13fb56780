// @ts-check
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * A relative import that reaches into one of the given top-level folders of src/, from any depth.
 * @param {string[]} folders
 * @param {string} message
 */
function importsOf(folders, message) {
  return { patterns: [{ regex: `^(\\.\\./)+(${folders.join('|')})/`, message }] };
}

export default tseslint.config(
  { ignores: ['node_modules/', 'data/', 'public/', 'test-results/'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      globals: { ...globals.node },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-floating-promises': [
        'error',
        { allowForKnownSafeCalls: [{ from: 'package', package: 'node:test', name: ['it', 'describe', 'test', 'suite', 'before', 'after', 'beforeEach', 'afterEach'] }] },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      // Fastify decorators (csrfProtection, rateLimit hooks) are meant to be passed as functions,
      // and Fastify plugins and handlers are async by convention.
      '@typescript-eslint/unbound-method': 'off',
      '@typescript-eslint/require-await': 'off',
    },
  },
  // Layers (docs/architecture.md): http -> services -> domain, and db -> domain. The domain imports
  // nothing from the rest of the application, the pages never reach the database, and the use
  // cases know nothing of HTTP.
  {
    files: ['src/domain/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', importsOf(['services', 'db', 'http', 'storage'], 'The domain is pure: it imports nothing from the other layers.')] },
  },
  {
    files: ['src/http/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', importsOf(['db'], 'Pages and the API go through the services; row types belong to the domain or the services.')] },
  },
  {
    files: ['src/services/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', importsOf(['http'], 'Use cases know nothing of HTTP: pages call services, never the other way round.')] },
  },
  {
    files: ['src/assets/js/**/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['src/assets/js/**/*.js'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['eslint.config.js'],
    ...tseslint.configs.disableTypeChecked,
  },
);

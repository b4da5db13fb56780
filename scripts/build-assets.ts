/**
 * Builds public/: the Sass theme into app.css and the progressive-enhancement scripts, and copies
 * the API documentation's renderer (swagger-ui-dist, pinned in package.json) into public/swagger-ui/.
 * Skips the work when the output is newer than every source.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as sass from 'sass';

const root = fileURLToPath(new URL('..', import.meta.url));
const source = path.join(root, 'src/assets');
const output = path.join(root, 'public');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

const css = path.join(output, 'app.css');
const packageJson = path.join(root, 'package.json');
const upToDate = existsSync(css) && statSync(css).mtimeMs > Math.max(newestMtime(source), statSync(packageJson).mtimeMs);

if (upToDate && !process.argv.includes('--force')) {
  console.log('assets: up to date');
} else {
  mkdirSync(output, { recursive: true });
  const started = Date.now();
  const result = sass.compile(path.join(source, 'scss/app.scss'), {
    loadPaths: [path.join(root, 'node_modules'), root],
    style: 'compressed',
    quietDeps: true,
    silenceDeprecations: ['import'],
    logger: sass.Logger.silent,
  });
  writeFileSync(css, result.css);
  for (const file of readdirSync(path.join(source, 'js'))) copyFileSync(path.join(source, 'js', file), path.join(output, file));
  copyFileSync(path.join(source, 'favicon.svg'), path.join(output, 'favicon.svg'));
  // Issue 17: /api/docs renders the OpenAPI document with Swagger UI, served from our own assets.
  const swaggerUi = path.join(output, 'swagger-ui');
  mkdirSync(swaggerUi, { recursive: true });
  for (const file of ['swagger-ui-bundle.js', 'swagger-ui.css']) copyFileSync(path.join(root, 'node_modules/swagger-ui-dist', file), path.join(swaggerUi, file));
  console.log(`assets: built in ${Date.now() - started} ms`);
}

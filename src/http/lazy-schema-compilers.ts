/**
 * Fastify compiles every route's request validators (Ajv) and response serialisers
 * (fast-json-stringify) while the application starts: about 2.5 s of CPU for the partner API's
 * schemas, paid by every start of the portal and by every test application, for routes that most
 * of them never call (issue 16: start to first page). These factories wrap Fastify's own
 * compilers so that a route's schema is compiled on its first use, and the compiled function kept.
 * The schemas themselves are unchanged, and so are the OpenAPI document and every answer.
 * A schema that cannot compile would fail at its route's first use instead of at start: the test
 * `schema-compilers.test.ts` builds the application with Fastify's eager compilers as well.
 */
import { AjvCompiler, type ValidatorFactory } from '@fastify/ajv-compiler';
import { SerializerSelector, type SerializerFactory } from '@fastify/fast-json-stringify-compiler';

type ValidatorCompiler = ReturnType<ValidatorFactory>;
type Validate = ReturnType<ValidatorCompiler>;
type SerializerCompiler = ReturnType<SerializerFactory>;

/** Ajv validators compiled on first use; Fastify reads `.errors` after a failed call, so it is passed on. */
export function lazyValidatorFactory(): ValidatorFactory {
  const build: ValidatorFactory = AjvCompiler();
  return (externalSchemas, options) => {
    const compiler: ValidatorCompiler = build(externalSchemas, options);
    return (route) => {
      let compiled: Validate | undefined;
      const compile = (): Validate => (compiled ??= compiler(route));
      const validate = ((data: unknown) => {
        const inner = compile();
        const result = inner(data);
        validate.errors = inner.errors;
        return result;
      }) as Validate;
      return validate;
    };
  };
}

/** fast-json-stringify serialisers compiled on first use. */
export function lazySerializerFactory(): SerializerFactory {
  const build: SerializerFactory = SerializerSelector();
  return (externalSchemas, options) => {
    const compiler: SerializerCompiler = build(externalSchemas, options);
    return (route) => {
      let compiled: ReturnType<SerializerCompiler> | undefined;
      const compile = (): ReturnType<SerializerCompiler> => (compiled ??= compiler(route));
      return (data) => compile()(data);
    };
  };
}

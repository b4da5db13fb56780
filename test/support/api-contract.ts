/**
 * Contract tests of the partner API (issue 17): every answer a test gets is validated against the
 * OpenAPI document the app serves (/api/openapi.json), with ajv (JSON Schema 2020-12, as OpenAPI
 * 3.1 uses) and ajv-formats. An answer whose status or content type the document does not
 * declare fails as well.
 */
import assert from 'node:assert/strict';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';

type Media = { schema?: { type?: string; format?: string } };
type Doc = { paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, Media> }> }>> };

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;
const pointer = (segment: string): string => segment.replaceAll('~', '~0').replaceAll('/', '~1');

/** `body`: JSON, or a Buffer sent as it is (a multipart body, with its content-type in `headers`). */
export type ApiCall = Readonly<{ method: string; url: string; token?: string | null; body?: unknown; headers?: Readonly<Record<string, string>> }>;

export class ApiContract {
  readonly #app: FastifyInstance;
  readonly #ajv: Ajv2020;
  readonly #doc: Doc;
  /** How many answers were checked (a test can assert that it checked something). */
  checked = 0;

  private constructor(app: FastifyInstance, doc: Doc) {
    this.#app = app;
    this.#doc = doc;
    this.#ajv = addFormats(new Ajv2020({ strict: false, allErrors: true }));
    this.#ajv.addSchema(doc, 'openapi');
  }

  static async of(app: FastifyInstance): Promise<ApiContract> {
    const response = await app.inject({ method: 'GET', url: '/api/openapi.json' });
    assert.equal(response.statusCode, 200);
    return new ApiContract(app, response.json<Doc>());
  }

  /** The answer's schema in the document, or a failed assertion naming what is not declared. */
  validate(method: string, url: string, response: LightMyRequestResponse): void {
    const path = url.split('?')[0] ?? url;
    const template = Object.keys(this.#doc.paths).find((t) => new RegExp(`^${t.replace(/\{[^}]+\}/g, '[^/]+')}$`).test(path));
    assert.ok(template !== undefined, `${method} ${path}: not in the OpenAPI document`);
    const operation = this.#doc.paths[template]?.[method.toLowerCase()];
    assert.ok(operation !== undefined, `${method} ${template}: no such operation in the OpenAPI document`);
    const status = String(response.statusCode);
    const declared = operation.responses[status];
    assert.ok(declared !== undefined, `${method} ${template}: status ${status} is not declared`);
    const type = (response.headers['content-type'] ?? '').split(';')[0] ?? '';
    const media = declared.content?.[type];
    assert.ok(media !== undefined, `${method} ${template} ${status}: content type ${type} is not declared`);
    if (media.schema?.type === 'string' && media.schema.format === 'binary') {
      // A file (a document's download): its declared media type is what the contract says of it.
      this.checked += 1;
      return;
    }
    const ref = `openapi#/paths/${pointer(template)}/${method.toLowerCase()}/responses/${status}/content/${pointer(type)}/schema`;
    const check = this.#ajv.getSchema(ref) ?? this.#ajv.compile({ $ref: ref });
    const valid = check(response.json());
    assert.ok(valid, `${method} ${template} ${status} does not match the contract: ${this.#ajv.errorsText(check.errors)}\n${response.body}`);
    this.checked += 1;
  }

  /** Calls the API and validates the answer; `token` goes in `Authorization: Bearer`. */
  async call(call: ApiCall): Promise<LightMyRequestResponse> {
    const headers: Record<string, string> = { ...(call.headers ?? {}) };
    if (call.token !== undefined && call.token !== null) headers['authorization'] = `Bearer ${call.token}`;
    const payload = call.body === undefined ? {} : { payload: Buffer.isBuffer(call.body) ? call.body : (call.body as object) };
    const response = await this.#app.inject({ method: call.method as 'GET', url: call.url, headers, ...payload });
    this.validate(call.method, call.url, response);
    return response;
  }
}

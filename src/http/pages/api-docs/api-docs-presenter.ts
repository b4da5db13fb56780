/** View data of "API-documentatie" (issue 17): where the OpenAPI document and the renderer are. */
import { messages } from '../../messages/index.ts';

export const API_DOCS_PATH = '/api/docs';
export const OPENAPI_PATH = '/api/openapi.json';

/** Swagger UI (swagger-ui-dist), copied to public/swagger-ui/ by scripts/build-assets.ts. */
export const API_DOCS_ASSETS = {
  stylesheet: '/assets/swagger-ui/swagger-ui.css',
  renderer: '/assets/swagger-ui/swagger-ui-bundle.js',
  boot: '/assets/api-docs.js',
} as const;

export function presentApiDocs() {
  return {
    title: messages.apiDocs.title,
    caption: messages.apiDocs.caption,
    openApiHref: OPENAPI_PATH,
    assets: API_DOCS_ASSETS,
  };
}

export type ApiDocsView = ReturnType<typeof presentApiDocs>;

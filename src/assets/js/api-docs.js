// /api/docs (issue 17): boots Swagger UI (public/swagger-ui/, from swagger-ui-dist) on the
// OpenAPI document named in data-openapi. An own file, so that the CSP needs no inline script.
// No validator badge (it would call an outside server) and no token kept in the browser. Swagger
// UI's own title block (an h1 in English) gives way to the page's own Dutch heading and text.
const withoutInfo = () => ({ components: { InfoContainer: () => null } });
const root = document.getElementById('api-docs');
if (root && typeof window.SwaggerUIBundle === 'function') {
  root.replaceChildren();
  window.SwaggerUIBundle({
    domNode: root,
    url: root.getAttribute('data-openapi'),
    validatorUrl: null,
    persistAuthorization: false,
    deepLinking: false,
    docExpansion: 'list',
    defaultModelsExpandDepth: 0,
    plugins: [withoutInfo],
  });
}

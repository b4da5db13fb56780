/**
 * Issue 17 item 7: /api/docs renders the OpenAPI document for people with a renderer served from
 * our own assets (Swagger UI, copied to public/swagger-ui/ by scripts/build-assets.ts), under the
 * portal's CSP unchanged: scripts and styles from 'self' only, no inline code, no 'unsafe-eval'.
 * Open to everyone, as /api/openapi.json is.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { describeOnEachDatabase } from '../support/test-app.ts';

/** Every address the page loads or links: src and href attributes. */
const referencedUrls = (html: string): string[] => [...html.matchAll(/\s(?:src|href)="([^"]*)"/g)].map((m) => m[1] ?? '');
/** A path on our own origin (not `//host/...`), or an anchor on the page itself. */
const ours = (url: string): boolean => url.startsWith('#') || (url.startsWith('/') && !url.startsWith('//'));

describeOnEachDatabase('API-documentatie (/api/docs)', async () => undefined, (get) => {
  it('issue 17: /api/docs answers 200 without logging in, under the CSP of every page, and references only our own addresses', async () => {
    const response = await get().app.inject('/api/docs');
    assert.equal(response.statusCode, 200);
    assert.match(String(response.headers['content-type']), /^text\/html/);
    const csp = String(response.headers['content-security-policy']);
    assert.match(csp, /script-src 'self'(;|$)/, csp);
    assert.match(csp, /style-src 'self'(;|$)/, csp);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/, csp);
    assert.match(response.body, /<h1 class="govuk-heading-l">API-documentatie<\/h1>/);
    assert.doesNotMatch(response.body, /<script>|<script(?![^>]*\ssrc=)[^>]*>|<style|\sstyle="|\son[a-z]+="/, 'no inline script or style');
    const urls = referencedUrls(response.body);
    assert.deepEqual(urls.filter((url) => !ours(url)), [], 'only addresses on our own origin');
    for (const asset of ['/assets/swagger-ui/swagger-ui-bundle.js', '/assets/swagger-ui/swagger-ui.css', '/assets/api-docs.js', '/api/openapi.json']) {
      assert.ok(urls.includes(asset), `the page references ${asset}`);
    }
    assert.match(response.body, /data-openapi="\/api\/openapi.json"/, 'the boot script is told where the document is');
  });

  it('issue 17: the renderer and its boot script are served from our own assets', async () => {
    const expected = [
      { url: '/assets/swagger-ui/swagger-ui-bundle.js', type: /javascript/, contains: 'SwaggerUIBundle' },
      { url: '/assets/swagger-ui/swagger-ui.css', type: /^text\/css/, contains: '.swagger-ui' },
      { url: '/assets/api-docs.js', type: /javascript/, contains: 'SwaggerUIBundle' },
    ];
    for (const asset of expected) {
      const response = await get().app.inject(asset.url);
      assert.equal(response.statusCode, 200, asset.url);
      assert.match(String(response.headers['content-type']), asset.type, asset.url);
      assert.ok(response.body.includes(asset.contains), `${asset.url} holds ${asset.contains}`);
    }
  });
});

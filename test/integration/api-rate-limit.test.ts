/**
 * Issue 17 item 2, on both databases: each API token has its own rate limit (API_RATE_LIMIT per
 * minute, here 3). The request past the limit is 429 problem+json with the `RateLimit-*` headers
 * and Retry-After; another token of the same organisation keeps its own count; the next window
 * (the injected clock moves one minute, no real waiting) lets the token in again. Every answer is
 * validated against the OpenAPI document.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { anOrganisation, aUser } from '../support/factories.ts';
import { anApiToken } from '../support/api-factories.ts';
import { ApiContract } from '../support/api-contract.ts';
import { describeOnEachDatabase, type TestApp } from '../support/test-app.ts';

const LIMIT = 3;

async function world({ db, services, app }: TestApp) {
  const admin = await aUser(db, 'partnerbeheerder', await anOrganisation(db, { name: 'Kantoor Gamma' }));
  return {
    busy: await anApiToken(services, admin, { name: 'CRM Gamma' }),
    quiet: await anApiToken(services, admin, { name: 'Rapportering Gamma' }),
    contract: await ApiContract.of(app),
  };
}

const rateHeaders = (response: LightMyRequestResponse) => ({
  limit: response.headers['ratelimit-limit'],
  remaining: response.headers['ratelimit-remaining'],
});

describeOnEachDatabase(
  'Partner API v1 rate limit per token',
  world,
  (get) => {
    test('a token past API_RATE_LIMIT per minute gets 429 problem+json with RateLimit-* and Retry-After; another token is not affected; the next minute it is let in again', async () => {
      const { data: w, clock } = get();
      const caseload = (token: string) => w.contract.call({ method: 'GET', url: '/api/v1/klanten', token });

      for (let i = 1; i <= LIMIT; i++) {
        const allowed = await caseload(w.busy.token);
        assert.equal(allowed.statusCode, 200, `request #${i} within the limit`);
        assert.deepEqual(rateHeaders(allowed), { limit: String(LIMIT), remaining: String(LIMIT - i) }, `request #${i}`);
      }

      const refused = await caseload(w.busy.token);
      assert.equal(refused.statusCode, 429);
      assert.match(String(refused.headers['content-type']), /^application\/problem\+json/);
      const body = refused.json<{ type: string; title: string; status: number }>();
      assert.equal(body.type, '/api/problemen/te-veel-verzoeken');
      assert.equal(body.title, 'Te veel verzoeken: probeer het later opnieuw');
      assert.equal(body.status, 429);
      assert.deepEqual(rateHeaders(refused), { limit: String(LIMIT), remaining: '0' });
      const reset = Number(refused.headers['ratelimit-reset']);
      assert.ok(reset > 0 && reset <= 60, `RateLimit-Reset within the minute: ${String(reset)}`);
      assert.equal(refused.headers['retry-after'], String(reset), 'Retry-After says the same as RateLimit-Reset');

      const other = await caseload(w.quiet.token);
      assert.equal(other.statusCode, 200, 'the other token has its own count');
      assert.deepEqual(rateHeaders(other), { limit: String(LIMIT), remaining: String(LIMIT - 1) });

      clock.advanceMinutes(1);
      const later = await caseload(w.busy.token);
      assert.equal(later.statusCode, 200, 'a new window on the injected clock');
      assert.deepEqual(rateHeaders(later), { limit: String(LIMIT), remaining: String(LIMIT - 1) });
      assert.equal(w.contract.checked, LIMIT + 3);
    });
  },
  { config: { API_RATE_LIMIT: String(LIMIT) } },
);

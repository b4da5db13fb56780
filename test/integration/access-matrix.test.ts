/**
 * The access matrix generated from the route table (ASVS 8.1.1, 8.2.1, 8.2.2, 8.3.1; issue 13
 * item 7). The test enumerates every route and method the app registered (`app.routeTable`), not a
 * hand-kept list, and compares every answer with the one declared policy table
 * (test/support/access-policy.ts): a route without a row fails, as does a row without a route.
 * Every route is called as anonymous and as each role, with the path parameters of the own
 * organisation, of another organisation and of a dossier whose attest expired. Items inside a
 * dossier or an organisation (a line, a document, a desired job, a CV item, an office, a funding
 * number) of another dossier answer 404, exactly as an unknown id in the own dossier does.
 *
 * One app per database kind, seeded once: the calls are in-process (app.inject).
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { messages } from '../../src/http/messages/index.ts';
import { ACCESS_POLICY, parsePolicyRow, type PolicyRow } from '../support/access-policy.ts';
import { accessWorld, CALLERS, fillRoute, paramValue, TARGETS, UNKNOWN_ID, type AccessWorld, type Caller, type Target } from '../support/access-world.ts';
import { describeOnEachDatabase, type TestApp } from '../support/test-app.ts';
import { withoutCsrfTokens, type WebSession } from '../support/web-session.ts';

type RouteKey = string;

/** Files served under the static routes' wildcard. */
const WILDCARD: Readonly<Record<string, string>> = { '/assets/*': 'app.css', '/assets/govuk/*': 'govuk-frontend.min.js' };

/** The outer parameter of a route names the dossier or organisation; the others name an item inside it. */
const OUTER_PARAMS = new Set(['clientId', 'organisationId']);

async function setup(t: TestApp): Promise<AccessWorld & { tokens: Record<Caller, string> }> {
  const world = await accessWorld(t);
  const tokens = {} as Record<Caller, string>;
  for (const caller of CALLERS) {
    // One page with a form per session: its token is valid for every form of that session.
    await world.sessions[caller].get(caller === 'anonymous' ? '/aanmelden' : `/dossiers/${world.params.own['clientId'] ?? ''}`);
    const token = world.sessions[caller].csrfToken;
    if (token === undefined) throw new Error(`no CSRF token for ${caller}`);
    tokens[caller] = token;
  }
  return { ...world, tokens };
}

const routeKey = (route: { method: string; url: string }): RouteKey => `${route.method} ${route.url}`;

function urlOf(routeUrl: string, values: Readonly<Record<string, string>>, replace: Readonly<Record<string, string>> = {}): string {
  const wildcard = WILDCARD[routeUrl];
  return wildcard === undefined ? fillRoute(routeUrl, values, replace) : routeUrl.replace('*', wildcard);
}

describeOnEachDatabase('access matrix from the route table', setup, (get) => {
  const policy = (): Map<RouteKey, PolicyRow> => new Map(Object.entries(ACCESS_POLICY).map(([key, row]) => [key, parsePolicyRow(key, row, CALLERS.length)]));

  async function call(caller: Caller, method: string, url: string, row: PolicyRow): Promise<LightMyRequestResponse> {
    const { app, data } = get();
    const session: WebSession = data.sessions[caller];
    if (method === 'GET') return session.get(url);
    const csrf = data.tokens[caller];
    if (method !== 'POST') return app.inject({ method: method as 'PUT', url, headers: { cookie: session.cookieHeader } });
    if (row.multipart) return session.postMultipart(url, [], { csrf });
    // An address of its own per caller: the open forms limit posts per address.
    return session.post(url, { email: `matrix.${caller}@test.be` }, { csrf });
  }

  function checkAnswer(response: LightMyRequestResponse, expected: number, what: string, problems: string[]): void {
    if (response.statusCode !== expected) problems.push(`${what}: ${String(response.statusCode)}, policy ${String(expected)}`);
    else if (expected === 403 && response.body.includes(messages.errors.csrfTitle)) problems.push(`${what}: 403 of the CSRF check, not of the access check`);
  }

  it('ASVS 8.1.1 every registered route and method has a row in the access policy, and every row a route', () => {
    const registered = get().app.routeTable.map(routeKey);
    const declared = Object.keys(ACCESS_POLICY);
    const missing = registered.filter((key) => !declared.includes(key));
    const stale = declared.filter((key) => !registered.includes(key));
    assert.deepEqual(missing, [], `routes without a policy row (add one line each to test/support/access-policy.ts):\n${missing.join('\n')}`);
    assert.deepEqual(stale, [], `policy rows without a route:\n${stale.join('\n')}`);
    assert.ok(registered.length > 100, `${String(registered.length)} routes`);
    // Every row parses: six cells of statuses.
    assert.equal(policy().size, declared.length);
  });

  it('ASVS 8.2.2 an item of another dossier or organisation answers 404, the same answer as an unknown id in the own one', async () => {
    const { app, data } = get();
    const rows = policy();
    const problems: string[] = [];
    let checked = 0;
    for (const route of app.routeTable) {
      const names = [...route.url.matchAll(/:(\w+)/g)].map((match) => match[1] ?? '');
      const inner = names.filter((name) => !OUTER_PARAMS.has(name) && names.some((outer) => OUTER_PARAMS.has(outer)));
      const row = rows.get(routeKey(route));
      if (inner.length === 0 || row === undefined) continue;
      for (const [index, caller] of CALLERS.entries()) {
        const own = row.expected[index]?.[0] ?? 0;
        // Only where the caller gets past the route's own check: the item check is what is left.
        if (caller === 'anonymous' || own === 403 || own === 404) continue;
        const unknown = await call(caller, route.method, urlOf(route.url, data.params.own, Object.fromEntries(inner.map((name) => [name, UNKNOWN_ID]))), row);
        checkAnswer(unknown, 404, `${caller} ${route.method} ${route.url} with an unknown item id`, problems);
        // The expired target differs from the own one only in the dossier (its organisation is the own one).
        const targets: readonly Target[] = route.url.startsWith('/dossiers/') ? ['other', 'expired'] : ['other'];
        for (const target of targets) {
          const foreign = Object.fromEntries(inner.map((name) => [name, paramValue(route.url, name, data.params[target])]));
          const url = urlOf(route.url, data.params.own, foreign);
          const response = await call(caller, route.method, url, row);
          checkAnswer(response, 404, `${caller} ${route.method} ${route.url} with an item of the ${target} target`, problems);
          if (response.statusCode === 404 && unknown.statusCode === 404 && withoutCsrfTokens(response.body) !== withoutCsrfTokens(unknown.body)) {
            problems.push(`${caller} ${route.method} ${route.url}: the 404 of a ${target} item differs from the 404 of an unknown id`);
          }
          checked++;
        }
      }
    }
    assert.deepEqual(problems, []);
    assert.ok(checked > 60, `only ${String(checked)} foreign items tried`);
  });

  for (const [index, caller] of CALLERS.entries()) {
    it(`ASVS 8.2.1 8.2.2 ${caller}: every route answers as the access policy declares, for the own organisation, another one and an expired attest`, async () => {
      const { app, data } = get();
      const rows = policy();
      const problems: string[] = [];
      // Logging out last: the walk stays logged in.
      const routes = [...app.routeTable].sort((a, b) => Number(a.url === '/afmelden') - Number(b.url === '/afmelden'));
      for (const route of routes) {
        const row = rows.get(routeKey(route));
        if (row === undefined) continue; // named by the first test
        const expected = row.expected[index] ?? [0, 0, 0];
        const targets = route.url.includes(':') ? TARGETS : (['own'] as const);
        if (route.url === '/afmelden' && caller !== 'anonymous') {
          // The walk was made logged in: a lost session would have turned every answer into a 303.
          assert.notEqual((await data.sessions[caller].get('/')).headers.location, '/aanmelden', `${caller}: still logged in before logging out`);
        }
        for (const target of targets) {
          const response = await call(caller, route.method, urlOf(route.url, data.params[target]), row);
          checkAnswer(response, expected[TARGETS.indexOf(target)] ?? 0, `${caller} ${route.method} ${route.url} (${target})`, problems);
        }
      }
      assert.deepEqual(problems, []);
    });
  }
});

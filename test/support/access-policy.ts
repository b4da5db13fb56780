/**
 * The declared access policy of every route (ASVS 8.1.1, 8.2.1, 8.2.2; issue 13 item 7): who may
 * call what, and the answer each caller gets. test/integration/access-matrix.test.ts walks the
 * route table the app built and fails on a route without a row here, and on a row whose route is
 * gone. Adding a route = adding one line.
 *
 * FORMAT of a row:   'METHOD /url/as/registered': 'A B P S I H [multipart]'
 *
 * six cells, one per caller, in this order (see access-world.ts, CALLERS):
 *   A anonymous            (a session that read the login page, nobody logged in)
 *   B begeleider           of the own partner organisation (demo: Koers Outplacement)
 *   P partnerbeheerder     of the own partner organisation
 *   S secretariaat         (public service)
 *   I interventieadviseur  (public service)
 *   H beheerder            (public service)
 *
 * A cell is the expected HTTP status for the route's path parameters of each target (TARGETS):
 *   `200`          the same answer whatever the parameters name;
 *   `200/404`      own / other organisation's (the expired target gets the first, the own, value);
 *   `200/404/404`  own / other organisation's / the own organisation's dossier whose attest expired (A1).
 * Targets: own = the own organisation's dossier, items, users, offices, funding numbers and attest
 * requests; other = those of another partner organisation; expired = a dossier of the own
 * organisation past its access period (A1: no access, the same 404 as an unknown id).
 *
 * Every call carries a valid CSRF token of the caller's session, and a POST has an empty form
 * (plus an e-mail address per caller, for the per-address limits of the open forms): a refusal
 * (303 to the login page, 403, 404) is the access check; an allowed post reaches the form's own
 * validation (400), its version check (409) or, where the form has no field, its work (303).
 * `multipart` marks the upload forms (their token is the first part of a multipart body).
 * A 403 is always the "Geen toegang" page, never the CSRF page: the test checks it.
 */
export const ACCESS_POLICY: Readonly<Record<string, string>> = {
  // Framework and open pages
  'GET /api/openapi.json': '200 200 200 200 200 200',
  // Issue 17: the API's documentation for people, open like the document it renders.
  'GET /api/docs': '200 200 200 200 200 200',
  'GET /assets/*': '200 200 200 200 200 200',
  'GET /assets/govuk/*': '200 200 200 200 200 200',
  'GET /health': '200 200 200 200 200 200',
  'GET /health/live': '200 200 200 200 200 200',
  'GET /health/ready': '200 200 200 200 200 200',
  'GET /ongeldig-adres': '400 400 400 400 400 400',
  'POST /ongeldig-adres': '400 400 400 400 400 400',
  'PUT /ongeldig-adres': '400 400 400 400 400 400',
  'PATCH /ongeldig-adres': '400 400 400 400 400 400',
  'DELETE /ongeldig-adres': '400 400 400 400 400 400',
  'OPTIONS /ongeldig-adres': '400 400 400 400 400 400',
  'TRACE /ongeldig-adres': '400 400 400 400 400 400',
  'QUERY /ongeldig-adres': '400 400 400 400 400 400',
  'GET /api/ongeldig-adres': '400 400 400 400 400 400',
  'POST /api/ongeldig-adres': '400 400 400 400 400 400',
  'PUT /api/ongeldig-adres': '400 400 400 400 400 400',
  'PATCH /api/ongeldig-adres': '400 400 400 400 400 400',
  'DELETE /api/ongeldig-adres': '400 400 400 400 400 400',
  'OPTIONS /api/ongeldig-adres': '400 400 400 400 400 400',
  'TRACE /api/ongeldig-adres': '400 400 400 400 400 400',
  'QUERY /api/ongeldig-adres': '400 400 400 400 400 400',
  'GET /aanmelden': '200 303 303 303 303 303',
  'POST /aanmelden': '400 400 400 400 400 400',
  'POST /afmelden': '303 303 303 303 303 303',
  // The second step of a login (ASVS 6.3.3): only a half-logged-in session of that step gets the page.
  'GET /aanmelden/verificatiecode': '303 303 303 303 303 303',
  'POST /aanmelden/verificatiecode': '303 303 303 303 303 303',
  'GET /aanmelden/tweestapsverificatie': '303 303 303 303 303 303',
  'POST /aanmelden/tweestapsverificatie': '303 303 303 303 303 303',
  // The user's own second factor and sessions (ASVS 6.3.3, 7.5.2).
  'GET /tweestapsverificatie': '303 200 200 200 200 200',
  'POST /tweestapsverificatie': '303 400 400 400 400 400',
  'GET /sessies': '303 200 200 200 200 200',
  'POST /sessies/andere-afmelden': '303 303 303 303 303 303',
  'GET /wachtwoord-vergeten': '200 200 200 200 200 200',
  'POST /wachtwoord-vergeten': '303 303 303 303 303 303',
  'GET /wachtwoord-kiezen': '400 400 400 400 400 400',
  'POST /wachtwoord-kiezen': '400 400 400 400 400 400',
  // Logged in, outside a dossier
  'GET /': '303 303 303 303 303 303',
  'GET /klanten': '303 200 200 403 403 403',
  'GET /zoeken': '303 403 403 200 200 200',
  'POST /zoeken': '303 403 403 400 400 400',
  'GET /toegang-aanvragen': '303 200 200 403 403 403',
  'POST /toegang-aanvragen': '303 400 400 403 403 403 multipart',
  'POST /toegang-aanvragen/afdrukken': '303 400 400 403 403 403 multipart',
  'POST /toegang-aanvragen/afdrukken/pdf': '303 400 400 403 403 403',
  'GET /aanvragen': '303 200 200 403 403 403',
  'GET /attesten': '303 403 403 200 200 403',
  'GET /attesten/:requestId': '303 403 403 200 404 403',
  'POST /attesten/:requestId': '303 403 403 400 404 403',
  'GET /attesten/:requestId/scan': '303 200/404 200/404 200 404 404',
  'GET /verzoeken': '303 403 403 403 200 403',
  // Beheer (issue 12)
  'GET /beheer': '303 403 200 403 403 200',
  'GET /beheer/beroepen': '303 403 403 403 403 200',
  'POST /beheer/beroepen': '303 403 403 403 403 400',
  'GET /beheer/beroepen/:code': '303 403 403 403 403 200',
  'POST /beheer/beroepen/:code': '303 403 403 403 403 409',
  'POST /beheer/beroepen/:code/uitfaseren': '303 403 403 403 403 409',
  'GET /beheer/staptypes': '303 403 403 403 403 200',
  'GET /beheer/staptypes/:code': '303 403 403 403 403 200',
  'POST /beheer/staptypes/:code': '303 403 403 403 403 409',
  'GET /beheer/organisaties': '303 403 403 403 403 200',
  'GET /beheer/organisaties/nieuw': '303 403 403 403 403 200',
  'POST /beheer/organisaties/nieuw': '303 403 403 403 403 400',
  'GET /beheer/organisaties/:organisationId': '303 403 200/404 403 403 200',
  'GET /beheer/organisaties/:organisationId/wijzigen': '303 403 403/404 403 403 200',
  'POST /beheer/organisaties/:organisationId/wijzigen': '303 403 403/404 403 403 409',
  'GET /beheer/organisaties/:organisationId/staptypes': '303 403 403/404 403 403 200',
  'POST /beheer/organisaties/:organisationId/staptypes': '303 403 403/404 403 403 409',
  'GET /beheer/organisaties/:organisationId/vestigingen/nieuw': '303 403 403/404 403 403 200',
  'POST /beheer/organisaties/:organisationId/vestigingen/nieuw': '303 403 403/404 403 403 400',
  'GET /beheer/organisaties/:organisationId/vestigingen/:recordId': '303 403 403/404 403 403 200',
  'POST /beheer/organisaties/:organisationId/vestigingen/:recordId': '303 403 403/404 403 403 409',
  'GET /beheer/organisaties/:organisationId/financieringsnummers/nieuw': '303 403 403/404 403 403 200',
  'POST /beheer/organisaties/:organisationId/financieringsnummers/nieuw': '303 403 403/404 403 403 400',
  'GET /beheer/organisaties/:organisationId/financieringsnummers/:recordId': '303 403 403/404 403 403 200',
  'POST /beheer/organisaties/:organisationId/financieringsnummers/:recordId': '303 403 403/404 403 403 400',
  'GET /beheer/gebruikers': '303 403 200 403 403 200',
  'GET /beheer/gebruikers/uitnodigen': '303 403 200 403 403 200',
  'POST /beheer/gebruikers/uitnodigen': '303 403 400 403 403 400',
  'GET /beheer/gebruikers/:userId': '303 403 200/404 403 403 200',
  'POST /beheer/gebruikers/:userId': '303 403 400/404 403 403 400',
  'POST /beheer/gebruikers/:userId/uitschakelen': '303 403 409/404 403 403 409',
  'POST /beheer/gebruikers/:userId/inschakelen': '303 403 409/404 403 403 409',
  'POST /beheer/gebruikers/:userId/uitnodiging': '303 403 409/404 403 403 409',
  // The dossier (A1, A5): every route under /dossiers/:clientId
  'GET /dossiers/:clientId': '303 200/404/404 200/404/404 200 200 200',
  'GET /dossiers/:clientId/begeleiding': '303 303 303 303 303 303',
  'GET /dossiers/:clientId/begeleiding/stappen-naar-werk': '303 200/404/404 200/404/404 200 200 200',
  'GET /dossiers/:clientId/begeleiding/traject': '303 200/404/404 200/404/404 200 200 200',
  'GET /dossiers/:clientId/begeleiding/interne-opmerking': '303 200/404/404 200/404/404 200 200 200',
  'POST /dossiers/:clientId/begeleiding/interne-opmerking': '303 400/404/404 400/404/404 400 400 403',
  'GET /dossiers/:clientId/logboek': '303 200/404/404 200/404/404 200 200 200',
  'GET /dossiers/:clientId/wijzigingen': '303 200/404/404 200/404/404 200 200 200',
  'GET /dossiers/:clientId/wie-bekeek': '303 403 403 200 200 200',
  'GET /dossiers/:clientId/wie-bekeek.csv': '303 403 403 200 200 200',
  'GET /dossiers/:clientId/verlenging': '303 200/404/404 200/404/404 403 403 403',
  'POST /dossiers/:clientId/verlenging': '303 400/404/404 400/404/404 403 403 403 multipart',
  // Steps towards work (O1–O13)
  'GET /dossiers/:clientId/stappen/nieuw': '303 403/404/404 403/404/404 403 403 403',
  'POST /dossiers/:clientId/stappen/nieuw': '303 403/404/404 403/404/404 403 403 403',
  'GET /dossiers/:clientId/stappen/:stepId': '303 200/404/404 200/404/404 200 200 200',
  'POST /dossiers/:clientId/stappen/:stepId': '303 400/404/404 400/404/404 400 400 400',
  'POST /dossiers/:clientId/stappen/:stepId/samenvatting': '303 403/404/404 403/404/404 403 403 403',
  'POST /dossiers/:clientId/stappen/:stepId/stopzetten': '303 400/404/404 400/404/404 400 400 400',
  'POST /dossiers/:clientId/stappen/:stepId/verzoek-afwijzen': '303 403 403 403 400 403',
  'GET /dossiers/:clientId/stappen/:stepId/stopzetting': '303 200/404/404 200/404/404 303 303 303',
  'POST /dossiers/:clientId/stappen/:stepId/stopzetting': '303 400/404/404 400/404/404 400 400 400',
  // Documents (D1–D7)
  'GET /dossiers/:clientId/documenten': '303 200/404/404 200/404/404 200 200 200',
  'GET /dossiers/:clientId/documenten/logging': '303 200/404/404 200/404/404 200 200 200',
  'GET /dossiers/:clientId/documenten/nieuw': '303 200/404/404 200/404/404 403 403 403',
  'POST /dossiers/:clientId/documenten/nieuw': '303 400/404/404 400/404/404 403 403 403 multipart',
  'GET /dossiers/:clientId/documenten/:documentId': '303 200/404/404 200/404/404 200 200 200',
  'GET /dossiers/:clientId/documenten/:documentId/intrekken': '303 403 403 403 403 200',
  'POST /dossiers/:clientId/documenten/:documentId/intrekken': '303 403 403 403 403 400',
  'GET /dossiers/:clientId/documenten/:documentId/soort': '303 200/404/404 200/404/404 404 404 404',
  'POST /dossiers/:clientId/documenten/:documentId/soort': '303 400/404/404 400/404/404 404 404 404',
  // Keeping the dossier up to date (K1–K3)
  'GET /dossiers/:clientId/profiel': '303 200/404/404 200/404/404 200 200 200',
  'GET /dossiers/:clientId/profiel/contactgegevens': '303 200/404/404 200/404/404 200 200 403',
  'POST /dossiers/:clientId/profiel/contactgegevens': '303 409/404/404 409/404/404 409 409 403',
  'GET /dossiers/:clientId/profiel/inschrijving': '303 403 403 200 200 403',
  'POST /dossiers/:clientId/profiel/inschrijving': '303 403 403 400 400 403',
  'GET /dossiers/:clientId/profiel/beschikbaarheid': '303 200/404/404 200/404/404 200 200 403',
  'POST /dossiers/:clientId/profiel/beschikbaarheid': '303 409/404/404 409/404/404 409 409 403',
  'GET /dossiers/:clientId/gewenste-jobs/nieuw': '303 200/404/404 200/404/404 200 200 403',
  'POST /dossiers/:clientId/gewenste-jobs/nieuw': '303 400/404/404 400/404/404 400 400 403',
  'GET /dossiers/:clientId/gewenste-jobs/:jobId': '303 200/404/404 200/404/404 200 200 403',
  'POST /dossiers/:clientId/gewenste-jobs/:jobId': '303 400/404/404 400/404/404 400 400 403',
  'POST /dossiers/:clientId/gewenste-jobs/:jobId/verwijderen': '303 409/404/404 409/404/404 409 409 403',
  'GET /dossiers/:clientId/cv': '303 200/404/404 200/404/404 200 200 200',
  'GET /dossiers/:clientId/cv/afdrukken': '303 200/404/404 200/404/404 200 200 200',
  'GET /dossiers/:clientId/cv/rijbewijzen': '303 200/404/404 200/404/404 200 200 403',
  'POST /dossiers/:clientId/cv/rijbewijzen': '303 409/404/404 409/404/404 409 409 403',
  'POST /dossiers/:clientId/cv/competenties': '303 400/404/404 400/404/404 400 400 403',
  'POST /dossiers/:clientId/cv/competenties/:itemId/verwijderen': '303 303/404/404 303/404/404 303 303 403',
  'GET /dossiers/:clientId/cv/opleidingen/nieuw': '303 200/404/404 200/404/404 200 200 403',
  'POST /dossiers/:clientId/cv/opleidingen/nieuw': '303 400/404/404 400/404/404 400 400 403',
  'GET /dossiers/:clientId/cv/opleidingen/:itemId': '303 200/404/404 200/404/404 200 200 403',
  'POST /dossiers/:clientId/cv/opleidingen/:itemId': '303 400/404/404 400/404/404 400 400 403',
  'POST /dossiers/:clientId/cv/opleidingen/:itemId/verwijderen': '303 409/404/404 409/404/404 409 409 403',
  'GET /dossiers/:clientId/cv/werkervaring/nieuw': '303 200/404/404 200/404/404 200 200 403',
  'POST /dossiers/:clientId/cv/werkervaring/nieuw': '303 400/404/404 400/404/404 400 400 403',
  'GET /dossiers/:clientId/cv/werkervaring/:itemId': '303 200/404/404 200/404/404 200 200 403',
  'POST /dossiers/:clientId/cv/werkervaring/:itemId': '303 400/404/404 400/404/404 400 400 403',
  'POST /dossiers/:clientId/cv/werkervaring/:itemId/verwijderen': '303 409/404/404 409/404/404 409 409 403',
  'GET /dossiers/:clientId/cv/talen/nieuw': '303 200/404/404 200/404/404 200 200 403',
  'POST /dossiers/:clientId/cv/talen/nieuw': '303 400/404/404 400/404/404 400 400 403',
  'GET /dossiers/:clientId/cv/talen/:itemId': '303 200/404/404 200/404/404 200 200 403',
  'POST /dossiers/:clientId/cv/talen/:itemId': '303 400/404/404 400/404/404 400 400 403',
  'POST /dossiers/:clientId/cv/talen/:itemId/verwijderen': '303 409/404/404 409/404/404 409 409 403',
  // The partnerbeheerder's API tokens and webhooks (issue 17): its own organisation's only, both
  // lists on one page (item 6); the former list addresses send there for good.
  'GET /beheer/koppelingen': '303 403 200 403 403 403',
  'GET /beheer/api-sleutels': '303 403 301 403 403 403',
  'GET /beheer/api-sleutels/nieuw': '303 403 200 403 403 403',
  'POST /beheer/api-sleutels/nieuw': '303 403 400 403 403 403',
  'POST /beheer/api-sleutels/:tokenId/intrekken': '303 403 404 403 403 403',
  'GET /beheer/webhooks': '303 403 301 403 403 403',
  'GET /beheer/webhooks/nieuw': '303 403 200 403 403 403',
  'POST /beheer/webhooks/nieuw': '303 403 400 403 403 403',
  'POST /beheer/webhooks/:endpointId/inschakelen': '303 403 404 403 403 403',
  'POST /beheer/webhooks/:endpointId/uitschakelen': '303 403 404 403 403 403',
  'GET /beheer/webhooks/:endpointId/verwijderen': '303 403 404 403 403 403',
  'POST /beheer/webhooks/:endpointId/verwijderen': '303 403 404 403 403 403',
  'POST /beheer/gebruikers/:userId/tweestapsverificatie': '303 403 409/404 403 403 409',
  // Partner API v1 (issue 17): a bearer token, never a page session: 401 for every session.
  // Its access matrix for tokens of two organisations is in test/integration/api-v1.test.ts,
  // api-v1-documents.test.ts and api-v1-attest-requests.test.ts.
  'GET /api/v1/klanten': '401 401 401 401 401 401',
  'GET /api/v1/klanten/:klantId': '401 401 401 401 401 401',
  'GET /api/v1/klanten/:klantId/logboek': '401 401 401 401 401 401',
  'GET /api/v1/klanten/:klantId/stappen': '401 401 401 401 401 401',
  'POST /api/v1/klanten/:klantId/stappen': '401 401 401 401 401 401',
  'GET /api/v1/klanten/:klantId/stappen/:stapId': '401 401 401 401 401 401',
  'PATCH /api/v1/klanten/:klantId/stappen/:stapId': '401 401 401 401 401 401',
  'POST /api/v1/klanten/:klantId/stappen/:stapId/stopverzoeken': '401 401 401 401 401 401',
  'POST /api/v1/klanten/:klantId/stappen/:stapId/samenvatting-aanvullingen': '401 401 401 401 401 401',
  'GET /api/v1/klanten/:klantId/documenten': '401 401 401 401 401 401',
  'POST /api/v1/klanten/:klantId/documenten': '401 401 401 401 401 401 multipart',
  'GET /api/v1/klanten/:klantId/documenten/:documentId/inhoud': '401 401 401 401 401 401',
  'POST /api/v1/klanten/:klantId/verlengingen': '401 401 401 401 401 401 multipart',
  'POST /api/v1/aanvragen': '401 401 401 401 401 401 multipart',
  'GET /api/v1/aanvragen/:aanvraagId': '401 401 401 401 401 401',
  'GET /api/v1/vestigingen': '401 401 401 401 401 401',
};

/** One row parsed: per caller, the expected status per target. */
export type PolicyRow = Readonly<{ expected: readonly (readonly [own: number, other: number, expired: number])[]; multipart: boolean }>;

/** Parses a row of the table; throws with the route's name on a malformed one. */
export function parsePolicyRow(route: string, row: string, callers: number): PolicyRow {
  const words = row.trim().split(/\s+/);
  const multipart = words.at(-1) === 'multipart';
  const cells = multipart ? words.slice(0, -1) : words;
  if (cells.length !== callers) throw new Error(`${route}: ${String(cells.length)} cells, expected ${String(callers)}`);
  const expected = cells.map((cell) => {
    const statuses = cell.split('/').map(Number);
    if (statuses.length > 3 || statuses.some((status) => !Number.isInteger(status) || status < 100 || status > 599)) throw new Error(`${route}: bad cell "${cell}"`);
    const [own = 0, other = own, expired = own] = statuses;
    return [own, other, expired] as const;
  });
  return { expected, multipart };
}

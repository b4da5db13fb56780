/**
 * The world of the access matrix (issue 13 item 7, test/integration/access-matrix.test.ts): the
 * demo data (two partner organisations, the public service, every role) plus, for every kind of
 * item inside a dossier (line, document, desired job, CV items, note), one in the own dossier, one
 * in another organisation's dossier and one in a dossier whose attest expired. Each caller logs in
 * once; every route is then called with the path parameters of one of three targets.
 */
import type { Database } from '../../src/db/database.ts';
import type { Role } from '../../src/domain/roles.ts';
import { DEMO_PASSWORD } from '../../src/services/demo/demo-data.ts';
import { aUser, anOffice, aFundingNumber } from './factories.ts';
import { PDF } from './documents.ts';
import type { TestApp } from './test-app.ts';
import { loggedInOnce, WebSession } from './web-session.ts';

/** Who calls: nobody logged in, or a demo user of each role (the partners of organisation "own"). */
export const CALLERS = ['anonymous', 'begeleider', 'partnerbeheerder', 'secretariaat', 'interventieadviseur', 'beheerder'] as const satisfies readonly ('anonymous' | Role)[];
export type Caller = (typeof CALLERS)[number];

/**
 * Whose things the path parameters name: the own organisation's (a dossier with its running
 * attest, its items, its users, offices, funding numbers, attest requests), another partner
 * organisation's, or the own organisation's dossier whose attest expired (A1).
 */
export const TARGETS = ['own', 'other', 'expired'] as const;
export type Target = (typeof TARGETS)[number];

/** An id that names nothing. */
export const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

const DEMO_EMAIL: Record<Exclude<Caller, 'anonymous'>, string> = {
  begeleider: 'begeleider@demo.be',
  partnerbeheerder: 'partnerbeheerder@demo.be',
  secretariaat: 'secretariaat@demo.be',
  interventieadviseur: 'adviseur@demo.be',
  beheerder: 'beheerder@demo.be',
};

/** The item tables of a dossier, copied from the own dossier into the others. */
const ITEM_TABLES = ['steps', 'documents', 'desired_jobs', 'cv_educations', 'cv_work_experiences', 'cv_languages', 'cv_competences', 'internal_notes'] as const;
type ItemTable = (typeof ITEM_TABLES)[number];

export type ParamValues = Readonly<Record<string, string>>;

export type AccessWorld = Readonly<{
  params: Readonly<Record<Target, ParamValues>>;
  /** A logged-in session per caller (anonymous: a session that read the login page). */
  sessions: Readonly<Record<Caller, WebSession>>;
}>;

export async function accessWorld(t: TestApp): Promise<AccessWorld> {
  await t.services.demo.seedIfEmpty();
  const { db } = t;
  const organisationOf = async (name: string) => db.selectFrom('organisations').select('id').where('name', '=', name).executeTakeFirstOrThrow();
  const clientOf = async (familyName: string) => (await db.selectFrom('clients').select('id').where('familyName', '=', familyName).executeTakeFirstOrThrow()).id;
  const own = await organisationOf('Koers Outplacement');
  const other = await organisationOf('Nieuwe Wegen Loopbaanadvies');
  // Demo data: Janssens has a running attest of Koers, Smets of Nieuwe Wegen; Koers's attest of Dubois ended four months ago.
  const dossiers: Record<Target, { clientId: string; organisationId: string }> = {
    own: { clientId: await clientOf('Janssens'), organisationId: own.id },
    other: { clientId: await clientOf('Smets'), organisationId: other.id },
    expired: { clientId: await clientOf('Dubois'), organisationId: own.id },
  };

  const sessions = {} as Record<Caller, WebSession>;
  for (const caller of CALLERS) {
    if (caller === 'anonymous') {
      sessions.anonymous = new WebSession(t.app);
      await sessions.anonymous.get('/aanmelden');
    } else {
      sessions[caller] = await loggedInOnce(t.app, { email: DEMO_EMAIL[caller], password: DEMO_PASSWORD });
    }
  }
  await addOwnDocument(sessions.begeleider, dossiers.own.clientId);

  const params = {} as Record<Target, ParamValues>;
  for (const target of TARGETS) {
    const dossier = dossiers[target];
    const items = {} as Record<ItemTable, string>;
    for (const table of ITEM_TABLES) {
      const existing = await firstItem(db, table, dossier.clientId);
      items[table] = existing ?? (await copyItem(db, table, dossiers.own.clientId, dossier));
    }
    const organisation = { id: dossier.organisationId, officeId: '', officeCode: '', name: '' };
    params[target] = {
      clientId: dossier.clientId,
      stepId: items.steps,
      documentId: items.documents,
      jobId: items.desired_jobs,
      educationId: items.cv_educations,
      workId: items.cv_work_experiences,
      languageId: items.cv_languages,
      competenceId: items.cv_competences,
      noteId: items.internal_notes,
      organisationId: dossier.organisationId,
      officeId: (await anOffice(db, organisation)).id,
      fundingId: (await aFundingNumber(db, organisation)).id,
      userId: (await aUser(db, 'begeleider', { ...organisation, officeId: await anyOffice(db, dossier.organisationId) })).id,
      requestId: await attestRequestOf(db, dossier.organisationId, target === 'other'),
      // Not bound to an organisation: the same for every target.
      code: '4110',
    };
  }
  return { params, sessions };
}

/** The value of a path parameter for a route: CV items are named `itemId` in every section. */
export function paramValue(url: string, name: string, values: ParamValues): string {
  if (name === 'itemId') {
    const section = /\/cv\/(\w+)\//.exec(url)?.[1];
    const key = { opleidingen: 'educationId', werkervaring: 'workId', talen: 'languageId', competenties: 'competenceId' }[section ?? ''];
    return key === undefined ? UNKNOWN_ID : (values[key] ?? UNKNOWN_ID);
  }
  if (name === 'code' && url.startsWith('/beheer/staptypes/')) return 'outplacement';
  // The admin record forms (offices, funding numbers) name their record `recordId`.
  if (name === 'recordId') return values[url.includes('/vestigingen/') ? 'officeId' : 'fundingId'] ?? UNKNOWN_ID;
  // The API names the dossier and its line in Dutch.
  if (name === 'klantId') return values['clientId'] ?? UNKNOWN_ID;
  if (name === 'stapId') return values['stepId'] ?? UNKNOWN_ID;
  return values[name] ?? UNKNOWN_ID;
}

/** The route's URL with its parameters filled; `replace` overrides single parameters. */
export function fillRoute(url: string, values: ParamValues, replace: Readonly<Record<string, string>> = {}): string {
  return url.replace(/:(\w+)/g, (_match, name: string) => replace[name] ?? paramValue(url, name, values));
}

async function addOwnDocument(session: WebSession, clientId: string): Promise<void> {
  const url = `/dossiers/${clientId}/documenten/nieuw`;
  await session.get(url);
  const response = await session.postMultipart(url, [
    { name: 'publicatienaam', value: 'Actieplan matrix' },
    { name: 'soort', value: 'actieplan' },
    { name: 'document', fileName: 'actieplan.pdf', contentType: 'application/pdf', data: PDF },
  ]);
  if (response.statusCode !== 303) throw new Error(`the own document was not added: ${String(response.statusCode)}`);
}

/** The dossier's first item of the table; a line is its Outplacement line (the one with a stop request form). */
async function firstItem(db: Database, table: ItemTable, clientId: string): Promise<string | undefined> {
  if (table === 'steps') {
    const line = await db.selectFrom('steps').select('id').where('clientId', '=', clientId).where('stepTypeCode', '=', 'outplacement').executeTakeFirst();
    return line?.id;
  }
  const row = await db.selectFrom(table).select('id').where('clientId', '=', clientId).orderBy('id').executeTakeFirst();
  return row?.id;
}

/** A copy of the own dossier's first item, in another dossier and organisation. */
async function copyItem(db: Database, table: ItemTable, fromClientId: string, to: { clientId: string; organisationId: string }): Promise<string> {
  const id = await firstItem(db, table, fromClientId);
  const source: Record<string, unknown> = await db.selectFrom(table).selectAll().where('id', '=', id ?? '').executeTakeFirstOrThrow();
  const copy: Record<string, unknown> = { ...withoutIdentity(source), clientId: to.clientId };
  // An Outplacement line refers to its organisation's attest: none of the target's here.
  if ('attestId' in copy) copy['attestId'] = null;
  if ('organisationId' in copy) copy['organisationId'] = to.organisationId;
  if ('authorOrganisationId' in copy) copy['authorOrganisationId'] = to.organisationId;
  // A Kysely insert of a row read from the same table, its id left to the database.
  const row = await db.insertInto(table).values(copy as never).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

async function anyOffice(db: Database, organisationId: string): Promise<string> {
  return (await db.selectFrom('offices').select('id').where('organisationId', '=', organisationId).orderBy('code').executeTakeFirstOrThrow()).id;
}

/** An open attest request of the organisation; the demo data hold two of the own one, `copy` makes one of another. */
async function attestRequestOf(db: Database, organisationId: string, copy: boolean): Promise<string> {
  if (!copy) return (await db.selectFrom('attest_requests').select('id').where('organisationId', '=', organisationId).orderBy('seq').executeTakeFirstOrThrow()).id;
  const source: Record<string, unknown> = await db.selectFrom('attest_requests').selectAll().orderBy('seq').executeTakeFirstOrThrow();
  const row = await db.insertInto('attest_requests').values({ ...withoutIdentity(source), organisationId } as never).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** A row read back, without the columns the database gives a new row (id, seq). */
function withoutIdentity(row: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(row).filter(([column]) => column !== 'id' && column !== 'seq'));
}

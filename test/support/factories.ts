/**
 * Test data from small factories with named variants. Each returns what the test needs to
 * refer to the row afterwards. Counters keep INSZ numbers, codes and addresses unique.
 */
import { addDays, addMonths, type CalendarDate } from '../../src/domain/calendar-date.ts';
import type { Client } from '../../src/domain/clients.ts';
import { makeInsz } from '../../src/domain/insz.ts';
import type { OrganisationKind, Role } from '../../src/domain/roles.ts';
import type { Database } from '../../src/db/database.ts';
import * as attests from '../../src/db/repositories/attests.ts';
import * as clients from '../../src/db/repositories/clients.ts';
import * as organisations from '../../src/db/repositories/organisations.ts';
import { hashPassword } from '../../src/services/auth/passwords.ts';
import { TEST_NOW } from './clock.ts';

let counter = 0;
const next = (): number => ++counter;

export const TEST_PASSWORD = 'Test-wachtwoord-123';

export type TestOrganisation = Readonly<{ id: string; officeId: string; officeCode: string; name: string }>;

export async function anOrganisation(db: Database, options: { kind?: OrganisationKind; name?: string } = {}): Promise<TestOrganisation> {
  const n = next();
  const name = options.name ?? `Organisatie ${n}`;
  const id = await organisations.insertOrganisation(db, { name, kind: options.kind ?? 'partner' }, TEST_NOW);
  const officeCode = String(900 + n);
  const officeId = await organisations.insertOffice(db, { organisationId: id, name: `KANTOOR ${n}`, code: officeCode }, TEST_NOW);
  return { id, officeId, officeCode, name };
}

export type TestUser = Readonly<{ id: string; email: string; password: string; role: Role; organisationId: string }>;

let passwordHash: Promise<string> | undefined;

/** A user who can log in with TEST_PASSWORD; `disabledAt` gives a disabled account. */
export async function aUser(
  db: Database,
  role: Role,
  organisation: TestOrganisation,
  options: { email?: string; disabledAt?: Date } = {},
): Promise<TestUser> {
  const email = options.email ?? `${role}.${next()}@test.be`;
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const row = await db
    .insertInto('users')
    .values({
      email,
      displayName: `Test ${role}`,
      role,
      organisationId: organisation.id,
      officeId: organisation.officeId,
      passwordHash: await passwordHash,
      disabledAt: options.disabledAt ?? null,
      createdAt: TEST_NOW,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, email, password: TEST_PASSWORD, role, organisationId: organisation.id };
}

export async function aClient(db: Database, overrides: Partial<Omit<Client, 'id' | 'version'>> = {}): Promise<Client> {
  const n = next();
  const birthDate = overrides.birthDate ?? ('1980-01-15' as CalendarDate);
  const values = {
    insz: makeInsz(birthDate, n),
    familyName: `Klant${n}`,
    firstName: 'Test',
    birthDate,
    email: null,
    phone: null,
    street: null,
    postcode: null,
    city: null,
    ...overrides,
  };
  const id = await clients.insert(db, values, TEST_NOW);
  return { id, version: 1, ...values };
}

/**
 * Attest variants, relative to `today`:
 * - running: approved, started a month ago, ends in five months;
 * - endedWithinWindow: ended 20 days ago, so end + 1 month + 14 days is still ahead;
 * - expired: ended three months ago (past end + 1 month + 14 days);
 * - submitted: not yet approved;
 * - rejected: refused by the secretariaat.
 */
export type AttestVariant = 'running' | 'endedWithinWindow' | 'expired' | 'submitted' | 'rejected';

export async function anAttest(
  db: Database,
  variant: AttestVariant,
  who: { clientId: string; organisationId: string },
  today: CalendarDate,
): Promise<string> {
  const periods: Record<AttestVariant, { start: CalendarDate; end: CalendarDate }> = {
    running: { start: addMonths(today, -1), end: addMonths(today, 5) },
    endedWithinWindow: { start: addMonths(today, -7), end: addDays(today, -20) },
    expired: { start: addMonths(today, -9), end: addMonths(today, -3) },
    submitted: { start: today, end: addMonths(today, 6) },
    rejected: { start: today, end: addMonths(today, 6) },
  };
  const { start, end } = periods[variant];
  const state = variant === 'submitted' ? 'ingediend' : variant === 'rejected' ? 'afgewezen' : 'goedgekeurd';
  return attests.insert(db, {
    clientId: who.clientId,
    organisationId: who.organisationId,
    regime: 'algemeen',
    startDate: start,
    endDate: end,
    state,
    approvedOn: state === 'goedgekeurd' ? start : null,
    rejectionReason: state === 'afgewezen' ? 'Handtekening ontbreekt' : null,
    submittedBy: null,
    decidedBy: null,
  }, TEST_NOW);
}

// ---- Steps towards work (O1–O13, J1) ----
// Imports for the step factories stay with them (ESM hoists them): this block is appended.
import * as stepTypesRepository from '../../src/db/repositories/step-types.ts';
import * as stepsRepository from '../../src/db/repositories/steps.ts';
import { isEndState, type StepState } from '../../src/domain/steps/step.ts';

/** O13: the step types an organisation may register; by default Outplacement and Begeleidingstraject. */
export async function allowedStepTypes(
  db: Database,
  organisation: Pick<TestOrganisation, 'id'>,
  codes: readonly string[] = ['outplacement', 'begeleidingstraject'],
): Promise<void> {
  await stepTypesRepository.allow(db, organisation.id, codes);
}

/** A further office of the organisation, with its label `NAAM (code)`. */
export async function anOffice(db: Database, organisation: Pick<TestOrganisation, 'id'>): Promise<{ id: string; label: string }> {
  const n = next();
  const name = `BIJKANTOOR ${n}`;
  const code = String(5000 + n);
  const id = await organisations.insertOffice(db, { organisationId: organisation.id, name, code }, TEST_NOW);
  return { id, label: `${name} (${code})` };
}

/** A funding number (Financieringsnummer) of the organisation. */
export async function aFundingNumber(db: Database, organisation: Pick<TestOrganisation, 'id'>): Promise<{ id: string; code: string }> {
  const code = `FIN-${next()}`;
  await organisations.insertFundingNumber(db, organisation.id, code, `Project ${code}`, TEST_NOW);
  const row = await db
    .selectFrom('funding_numbers')
    .select('id')
    .where('organisationId', '=', organisation.id)
    .where('code', '=', code)
    .executeTakeFirstOrThrow();
  return { id: row.id, code };
}

/** A user with a display name of its own, to tell two users apart ("gewijzigd door", O12). */
export async function aNamedUser(db: Database, role: Role, organisation: TestOrganisation, displayName: string): Promise<TestUser> {
  const user = await aUser(db, role, organisation);
  await db.updateTable('users').set({ displayName: displayName }).where('id', '=', user.id).execute();
  return user;
}

/** An approved attest for an exact period, approved on its start date. */
export async function anAttestForPeriod(
  db: Database,
  who: { clientId: string; organisationId: string },
  period: { start: CalendarDate; end: CalendarDate },
): Promise<string> {
  return attests.insert(db, {
    clientId: who.clientId,
    organisationId: who.organisationId,
    regime: 'algemeen',
    startDate: period.start,
    endDate: period.end,
    state: 'goedgekeurd',
    approvedOn: period.start,
    rejectionReason: null,
    submittedBy: null,
    decidedBy: null,
  }, TEST_NOW);
}

export type StepRowOptions = Readonly<{
  typeCode?: string;
  state?: StepState;
  /** The start of the guidance; also Datum unless `date` is given. */
  startDate: CalendarDate;
  date?: CalendarDate;
  endDate?: CalendarDate | null;
  /** End states only; defaults to Datum. */
  endedOn?: CalendarDate;
  summaryClosed?: boolean;
  summary?: string;
}>;

/**
 * A step written straight into the table, past the use cases (for the sweep and the window
 * rules). Variants by `state`: an end state gets `ended_on` (default: its Datum).
 */
export async function aStep(
  db: Database,
  who: { clientId: string; organisation: TestOrganisation; createdBy: TestUser },
  options: StepRowOptions,
): Promise<string> {
  const state = options.state ?? 'bezig';
  const date = options.date ?? options.startDate;
  const id = await stepsRepository.insert(db, {
    clientId: who.clientId,
    organisationId: who.organisation.id,
    typeCode: options.typeCode ?? 'outplacement',
    date: options.startDate,
    endDate: options.endDate ?? null,
    attestId: null,
    fundingNumberId: null,
    requesterOfficeId: who.organisation.officeId,
    executorOfficeId: who.organisation.officeId,
    summary: options.summary ?? '',
    createdBy: who.createdBy.id,
    createdByLabel: 'Test',
  }, TEST_NOW);
  await db
    .updateTable('steps')
    .set({
      state,
      date,
      endedOn: isEndState(state) ? (options.endedOn ?? date) : null,
      summaryClosed: options.summaryClosed ?? false,
    })
    .where('id', '=', id)
    .execute();
  return id;
}

/** An Outplacement line (end date from its attest) in the given state. */
export function anOutplacementStep(
  db: Database,
  who: { clientId: string; organisation: TestOrganisation; createdBy: TestUser },
  options: Omit<StepRowOptions, 'typeCode'> & { endDate: CalendarDate },
): Promise<string> {
  return aStep(db, who, { ...options, typeCode: 'outplacement' });
}

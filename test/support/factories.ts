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

let counter = 0;
const next = (): number => ++counter;

export const TEST_PASSWORD = 'Test-wachtwoord-123';

export type TestOrganisation = Readonly<{ id: string; officeId: string; officeCode: string; name: string }>;

export async function anOrganisation(db: Database, options: { kind?: OrganisationKind; name?: string } = {}): Promise<TestOrganisation> {
  const n = next();
  const name = options.name ?? `Organisatie ${n}`;
  const id = await organisations.insertOrganisation(db, { name, kind: options.kind ?? 'partner' });
  const officeCode = String(900 + n);
  const officeId = await organisations.insertOffice(db, { organisationId: id, name: `KANTOOR ${n}`, code: officeCode });
  return { id, officeId, officeCode, name };
}

export type TestUser = Readonly<{ id: string; email: string; password: string; role: Role; organisationId: string }>;

let passwordHash: Promise<string> | undefined;

export async function aUser(db: Database, role: Role, organisation: TestOrganisation, options: { email?: string } = {}): Promise<TestUser> {
  const email = options.email ?? `${role}.${next()}@test.be`;
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const row = await db
    .insertInto('users')
    .values({
      email,
      display_name: `Test ${role}`,
      role,
      organisation_id: organisation.id,
      office_id: organisation.officeId,
      password_hash: await passwordHash,
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
  const id = await clients.insert(db, values);
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
  });
}

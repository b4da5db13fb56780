import { addMonths, formatDate, parseIsoDate, type CalendarDate } from '../../domain/calendar-date.ts';
import { makeInsz } from '../../domain/insz.ts';
import { officeLabel } from '../../domain/organisations.ts';
import { AuditAction } from '../audit/actions.ts';
import { hashPassword } from '../auth/passwords.ts';
import type { ServiceContext } from '../context.ts';
import { DEMO_CLIENTS, DEMO_ORGANISATIONS, DEMO_PASSWORD, DEMO_USERS, type DemoOrganisationKey } from './demo-data.ts';
import { seedDossierUpkeep } from './upkeep-demo-data.ts';
import type { BlobStore } from '../../storage/blob-store.ts';
import { seedAttestRequests } from './attest-demo-data.ts';

/** The labels of the catalogue of migration 0002, for the demo lines' history. */
const STEP_TYPE_LABELS: Readonly<Record<string, string>> = { outplacement: 'Outplacement', jobcoaching: 'Jobcoaching', begeleidingstraject: 'Begeleidingstraject' };

/** `storage` holds the scans of the demo attest requests (A2); without it they are left out. */
export function createDemoSeeder({ db, repos, clock }: ServiceContext, storage?: BlobStore) {
  /** Seeds the demo world into an empty database; does nothing when organisations exist. */
  async function seedIfEmpty(): Promise<boolean> {
    const passwordHashes = await Promise.all(DEMO_USERS.map(() => hashPassword(DEMO_PASSWORD)));
    return db.transaction().execute(async (trx) => {
      if ((await repos.organisations.countOrganisations(trx)) > 0) return false;
      // One clock for the whole demo world: the rows are dated by it, never by the database.
      const now = clock.now();
      const today = clock.today();

      const organisationIds = new Map<DemoOrganisationKey, string>();
      const officeIds = new Map<string, string>();
      for (const org of DEMO_ORGANISATIONS) {
        const id = await repos.organisations.insertOrganisation(trx, { name: org.name, kind: org.kind, enterpriseNumber: org.enterpriseNumber }, now);
        organisationIds.set(org.key, id);
        for (const office of org.offices) {
          officeIds.set(office.code, await repos.organisations.insertOffice(trx, { organisationId: id, ...office }, now));
        }
        for (const funding of org.fundingNumbers) {
          await repos.organisations.insertFundingNumber(trx, id, funding.code, funding.description, now);
        }
        await repos.stepTypes.allow(trx, id, org.stepTypes);
      }
      const orgId = (key: DemoOrganisationKey): string => organisationIds.get(key) ?? fail(`organisation ${key}`);

      const userIds = new Map<DemoOrganisationKey, { id: string; label: string; officeId: string }>();
      const usersByEmail = new Map<string, { id: string; label: string; organisationId: string }>();
      for (const [index, user] of DEMO_USERS.entries()) {
        const officeId = officeIds.get(user.officeCode) ?? fail(`office ${user.officeCode}`);
        const { id } = await trx
          .insertInto('users')
          .values({
            email: user.email,
            displayName: user.displayName,
            role: user.role,
            organisationId: orgId(user.organisation),
            officeId,
            passwordHash: passwordHashes[index] ?? fail('password hash'),
            createdAt: now,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        if (user.role === 'begeleider' && !userIds.has(user.organisation)) userIds.set(user.organisation, { id, label: user.displayName, officeId });
        usersByEmail.set(user.email, { id, label: user.displayName, organisationId: orgId(user.organisation) });
      }

      const clientIds = new Map<string, string>();
      for (const demo of DEMO_CLIENTS) {
        const birthDate = parseIsoDate(demo.birthDate) ?? fail(`birth date ${demo.birthDate}`);
        const clientId = await repos.clients.insert(trx, {
          insz: makeInsz(birthDate, demo.serial),
          familyName: demo.familyName,
          firstName: demo.firstName,
          birthDate,
          email: demo.email,
          phone: demo.phone,
          street: demo.street,
          postcode: demo.postcode,
          city: demo.city,
        }, now);
        clientIds.set(`${demo.firstName} ${demo.familyName}`, clientId);
        for (const attest of demo.attests) {
          const startDate: CalendarDate = addMonths(today, -attest.startMonthsAgo);
          const endDate: CalendarDate = addMonths(today, attest.endMonthsFromNow);
          const attestId = await repos.attests.insert(trx, {
            clientId,
            organisationId: orgId(attest.organisation),
            regime: attest.regime,
            startDate,
            endDate: endDate > startDate ? endDate : addMonths(startDate, 1),
            state: attest.state,
            approvedOn: attest.state === 'goedgekeurd' ? startDate : null,
            rejectionReason: null,
            submittedBy: null,
            decidedBy: null,
          }, now);
          const consultant = userIds.get(attest.organisation) ?? fail(`begeleider of ${attest.organisation}`);
          for (const step of demo.steps ?? []) {
            const stepDate = addMonths(today, -step.monthsAgo);
            const stepId = await repos.steps.insert(trx, {
              clientId,
              organisationId: orgId(attest.organisation),
              typeCode: step.type,
              date: stepDate,
              endDate: step.type === 'outplacement' ? endDate : null,
              attestId: step.type === 'outplacement' ? attestId : null,
              fundingNumberId: null,
              requesterOfficeId: consultant.officeId,
              executorOfficeId: consultant.officeId,
              summary: step.summary,
              createdBy: consultant.id,
              createdByLabel: consultant.label,
            }, now);
            // The line's history starts with its registration, as for a line registered on screen.
            const office = DEMO_ORGANISATIONS.flatMap((o) => o.offices).find((o) => officeIds.get(o.code) === consultant.officeId);
            await repos.audit.append(trx, {
              actorUserId: consultant.id,
              actorLabel: consultant.label,
              organisationId: orgId(attest.organisation),
              action: AuditAction.stepRegistered,
              clientId,
              details: {
                stepId,
                stepType: STEP_TYPE_LABELS[step.type] ?? step.type,
                fields: {
                  toestand: 'Bezig',
                  datum: formatDate(stepDate),
                  aanvrager: office === undefined ? '' : officeLabel(office),
                  uitvoerder: office === undefined ? '' : officeLabel(office),
                  samenvatting: step.summary,
                },
              },
            }, now);
          }
        }
      }
      await seedDossierUpkeep(trx, repos, { today, now, clientIds, users: usersByEmail });
      const requester = usersByEmail.get('begeleider@demo.be');
      if (storage !== undefined && requester !== undefined) await seedAttestRequests(trx, repos, storage, { today, now, user: requester });
      return true;
    });
  }

  return { seedIfEmpty };
}

function fail(what: string): never {
  throw new Error(`Demo data inconsistent: ${what}`);
}

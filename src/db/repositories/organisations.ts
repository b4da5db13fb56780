import type { Office, Organisation } from '../../domain/organisations.ts';
import type { Executor } from './executor.ts';

export async function insertOrganisation(trx: Executor, organisation: Omit<Organisation, 'id'>, at: Date): Promise<string> {
  const row = await trx.insertInto('organisations').values({ name: organisation.name, kind: organisation.kind, createdAt: at }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function insertOffice(trx: Executor, office: Omit<Office, 'id'>, at: Date): Promise<string> {
  const row = await trx
    .insertInto('offices')
    .values({ organisationId: office.organisationId, name: office.name, code: office.code, createdAt: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function insertFundingNumber(trx: Executor, organisationId: string, code: string, description: string, at: Date): Promise<void> {
  await trx.insertInto('funding_numbers').values({ organisationId: organisationId, code, description, createdAt: at }).execute();
}

export async function countOrganisations(trx: Executor): Promise<number> {
  const row = await trx.selectFrom('organisations').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return row.n;
}

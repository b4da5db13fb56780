import type { FundingNumber } from '../../domain/organisations.ts';
import type { Executor } from './executor.ts';

export async function listOfOrganisation(trx: Executor, organisationId: string): Promise<FundingNumber[]> {
  const rows = await trx
    .selectFrom('funding_numbers')
    .select(['id', 'organisation_id', 'code', 'description'])
    .where('organisation_id', '=', organisationId)
    .orderBy('code')
    .execute();
  return rows.map((r) => ({ id: r.id, organisationId: r.organisation_id, code: r.code, description: r.description }));
}

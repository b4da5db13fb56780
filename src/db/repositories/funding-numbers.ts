import type { FundingNumber } from '../../domain/organisations.ts';
import type { Executor } from './executor.ts';

export async function listOfOrganisation(trx: Executor, organisationId: string): Promise<FundingNumber[]> {
  return trx
    .selectFrom('funding_numbers')
    .select(['id', 'organisationId', 'code', 'description'])
    .where('organisationId', '=', organisationId)
    .orderBy('code')
    .execute();
}

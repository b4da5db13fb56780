/** What a user uploaded in a period (ASVS 5.2.1 quota): its documents and its attest scans. */
import { sql } from 'kysely';
import type { UploadsOfDay } from '../../domain/documents/upload-quota.ts';
import type { Executor } from './executor.ts';

export async function uploadedBy(trx: Executor, userId: string, period: Readonly<{ from: Date; to: Date }>): Promise<UploadsOfDay> {
  const documents = trx
    .selectFrom('documents')
    .select((eb) => [eb.fn.countAll<string>().as('uploads'), sql<string>`coalesce(sum(size_bytes), 0)`.as('bytes')])
    .where('uploadedBy', '=', userId)
    .where('uploadedAt', '>=', period.from)
    .where('uploadedAt', '<', period.to);
  const scans = trx
    .selectFrom('attest_requests')
    .select((eb) => [eb.fn.countAll<string>().as('uploads'), sql<string>`coalesce(sum(scan_size_bytes), 0)`.as('bytes')])
    .where('submittedBy', '=', userId)
    .where('submittedAt', '>=', period.from)
    .where('submittedAt', '<', period.to);
  const rows = await documents.unionAll(scans).execute();
  // count and sum come back as strings (int8, numeric) from pg: summed here as numbers.
  return rows.reduce((total, row) => ({ uploads: total.uploads + Number(row.uploads), bytes: total.bytes + Number(row.bytes) }), { uploads: 0, bytes: 0 });
}

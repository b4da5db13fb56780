/** What a user uploaded in a period (ASVS 5.2.1 quota): its documents and its attest scans. */
import { sql } from 'kysely';
import type { UploadsOfDay } from '../../domain/documents/upload-quota.ts';
import type { Executor } from './executor.ts';

/** Where each kind of upload is kept: its table, its size, who sent it and when. */
const SOURCES = {
  documents: { size: 'documents.sizeBytes', by: 'documents.uploadedBy', at: 'documents.uploadedAt' },
  attest_requests: { size: 'attest_requests.scanSizeBytes', by: 'attest_requests.submittedBy', at: 'attest_requests.submittedAt' },
} as const;

/** How many uploads of one kind the user sent in the period, and their bytes. */
function uploadsIn(trx: Executor, table: keyof typeof SOURCES, userId: string, period: Readonly<{ from: Date; to: Date }>) {
  const { size, by, at } = SOURCES[table];
  return trx
    .selectFrom(table)
    .select((eb) => [eb.fn.countAll<string>().as('uploads'), sql<string>`coalesce(sum(${sql.ref(size)}), 0)`.as('bytes')])
    .where(by, '=', userId)
    .where(at, '>=', period.from)
    .where(at, '<', period.to);
}

export async function uploadedBy(trx: Executor, userId: string, period: Readonly<{ from: Date; to: Date }>): Promise<UploadsOfDay> {
  const rows = await uploadsIn(trx, 'documents', userId, period).unionAll(uploadsIn(trx, 'attest_requests', userId, period)).execute();
  // count and sum come back as strings (int8, numeric) from pg: summed here as numbers.
  return rows.reduce((total, row) => ({ uploads: total.uploads + Number(row.uploads), bytes: total.bytes + Number(row.bytes) }), { uploads: 0, bytes: 0 });
}

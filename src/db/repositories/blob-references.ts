/**
 * Which rows refer to a document blob (by its SHA-256): the documents (D3) and the scans of the
 * signed attests (A2). Every table with a blob's digest belongs here: the orphan job removes
 * what none of them names, and `npm run storage:verify` checks each of them against the store.
 */
import type { Executor } from './executor.ts';

export type BlobReference = Readonly<{ table: 'documents' | 'attest_requests'; id: string; sha256: string }>;

/** Of the given digests, those that some row refers to. */
export async function referenced(trx: Executor, sha256s: readonly string[]): Promise<Set<string>> {
  if (sha256s.length === 0) return new Set();
  const documents = await trx.selectFrom('documents').select('sha256').where('sha256', 'in', sha256s).execute();
  const scans = await trx.selectFrom('attest_requests').select('scanSha256 as sha256').where('scanSha256', 'in', sha256s).execute();
  return new Set([...documents, ...scans].map((row) => row.sha256));
}

/** The column of each table that holds the blob's digest. */
const DIGEST_COLUMN = { documents: 'documents.sha256', attest_requests: 'attest_requests.scanSha256' } as const;

/** Every reference, in a stable order, `pageSize` at a time after `after` (the last one seen). */
export async function page(trx: Executor, table: BlobReference['table'], after: string | undefined, pageSize: number): Promise<BlobReference[]> {
  const rows = await trx
    .selectFrom(table)
    .select((eb) => ['id', eb.ref(DIGEST_COLUMN[table]).as('sha256')])
    .$if(after !== undefined, (q) => q.where('id', '>', after ?? ''))
    .orderBy('id')
    .limit(pageSize)
    .execute();
  return rows.map((row) => ({ table, id: row.id, sha256: row.sha256 }));
}

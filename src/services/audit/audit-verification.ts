/**
 * `npm run audit:verify` (ASVS 16.4.2): recomputes the audit log's hash chains and names the
 * first record that does not hold. Reads the log in pages, so the process's memory stays small
 * whatever the log's size; the heads of the chains (one hash per dossier) are all it keeps.
 */
import { ChainVerifier, type ChainReport } from '../../domain/audit-chain.ts';
import type { ServiceContext } from '../context.ts';

const PAGE = 5_000;

export function createAuditVerification({ db, repos }: Pick<ServiceContext, 'db' | 'repos'>) {
  return {
    async verify(): Promise<ChainReport> {
      const verifier = new ChainVerifier();
      let afterId = 0;
      for (;;) {
        const page = await repos.audit.pageAfter(db, afterId, PAGE);
        if (page.length === 0 || !verifier.add(page)) break;
        afterId = page[page.length - 1]?.id ?? afterId;
      }
      return verifier.report();
    },
  };
}

/**
 * Demo data of access by the signed attest (A2, A3): two requests of Koers Outplacement waiting
 * in the secretariaat's "Te behandelen attesten", submitted some days ago, each with a small
 * PDF scan in the blob store.
 */
import { Readable } from 'node:stream';
import { addDays, addMonths, type CalendarDate } from '../../domain/calendar-date.ts';
import { ATTEST_SCAN_UPLOADS, createContentCheck } from '../../domain/documents/content-check.ts';
import { openZip } from '../../storage/zip-reader.ts';
import { makeInsz } from '../../domain/insz.ts';
import type { Executor } from '../../db/repositories/executor.ts';
import type { Repositories } from '../../db/repositories/index.ts';
import type { BlobStore } from '../../storage/blob-store.ts';

const SCAN = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1');

const REQUESTS = [
  { familyName: 'Wouters', firstName: 'Pieter', birth: '1969-10-03', serial: 87, regime: 'cao82', daysAgo: 6 },
  { familyName: 'Aerts', firstName: 'Sarah', birth: '1992-01-27', serial: 112, regime: 'algemeen', daysAgo: 2 },
] as const;

export async function seedAttestRequests(
  trx: Executor,
  repos: Repositories,
  storage: BlobStore,
  world: { today: CalendarDate; now: Date; user: { id: string; label: string; organisationId: string } },
): Promise<void> {
  for (const r of REQUESTS) {
    const fileName = `attest ${r.familyName}.pdf`;
    const stored = await storage.put(Readable.from([new Uint8Array(SCAN)]), createContentCheck(ATTEST_SCAN_UPLOADS, fileName, 'application/pdf', openZip));
    if (!stored.ok) throw new Error(`demo scan refused: ${stored.problem}`);
    await storage.commit(stored.blob);
    const birth = r.birth as CalendarDate;
    await repos.attestRequests.insert(trx, {
      kind: 'nieuw',
      organisationId: world.user.organisationId,
      insz: makeInsz(birth, r.serial),
      familyName: r.familyName,
      firstName: r.firstName,
      birthDate: birth,
      regime: r.regime,
      startDate: addDays(world.today, -r.daysAgo),
      endDate: addMonths(world.today, 9),
      attestId: null,
      previousEndDate: null,
      clientId: null,
      scan: { sha256: stored.blob.sha256, fileName, mediaType: 'application/pdf', sizeBytes: stored.blob.size },
      submittedBy: world.user.id,
      submittedByLabel: world.user.label,
      submittedAt: new Date(world.now.getTime() - r.daysAgo * 86_400_000),
    });
  }
}

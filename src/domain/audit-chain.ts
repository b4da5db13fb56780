/**
 * The audit log's hash chain (ASVS 16.4.2): each record's hash covers its content and the hash
 * of the record before it in its chain, so that a changed, removed or inserted record breaks
 * every hash after it. A chain is one dossier (the client's id) or "portaal" for records of no
 * dossier; chains are written independently, so that dossiers do not wait for each other.
 */
import { createHash } from 'node:crypto';

export const PORTAL_CHAIN = 'portaal';

/** The `prev_hash` of a chain's first record. */
export const GENESIS_HASH = '0'.repeat(64);

export function chainOf(clientId: string | null | undefined): string {
  return clientId ?? PORTAL_CHAIN;
}

/** What the hash covers: every column a reader relies on, as stored. */
export type ChainedContent = Readonly<{
  chain: string;
  occurredAt: Date;
  actorUserId: string | null;
  actorLabel: string;
  organisationId: string | null;
  action: string;
  clientId: string | null;
  details: unknown;
}>;

/** SHA-256 (hex) of the previous hash and the content, in a canonical JSON form. */
export function auditHash(prevHash: string, content: ChainedContent): string {
  const canonical = canonicalJson([
    prevHash,
    content.chain,
    content.occurredAt.toISOString(),
    content.actorUserId,
    content.actorLabel,
    content.organisationId,
    content.action,
    content.clientId,
    content.details,
  ]);
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}

/**
 * JSON with object keys sorted at every level: the database stores details as jsonb, which
 * does not keep the order in which the keys were written.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return Object.fromEntries(entries.map(([k, v]) => [k, sortKeys(v)]));
  }
  return value;
}

/** A stored record as the verification reads it; `chain` and the hashes are null before migration 0013. */
export type StoredLink = Omit<ChainedContent, 'chain'> &
  Readonly<{ id: number; chain: string | null; prevHash: string | null; hash: string | null }>;

/** Where the log breaks: the first record whose link or content does not hold. */
export type ChainBreak = Readonly<{ id: number; chain: string | null; reason: 'schakel' | 'inhoud' | 'ongeketend' }>;

export type ChainReport = Readonly<{ checked: number; unchained: number; chains: number; broken: ChainBreak | null }>;

/**
 * Verifies the log page by page, in id order. Records from before the chain (no hash, all older
 * than the first hashed record) are counted apart; after the first hashed record every record
 * must be linked. Removing a chain's newest record is not seen here: the trigger of migration
 * 0001 refuses deletes, and an external copy of the heads would be needed to prove it.
 */
export class ChainVerifier {
  readonly #heads = new Map<string, string>();
  #checked = 0;
  #unchained = 0;
  #chainStarted = false;
  #broken: ChainBreak | null = null;

  /** Feeds the next page; returns false once a break is found (no need to read further). */
  add(records: readonly StoredLink[]): boolean {
    for (const record of records) {
      if (this.#broken !== null) return false;
      if (record.hash === null || record.chain === null) {
        if (this.#chainStarted) this.#broken = { id: record.id, chain: record.chain, reason: 'ongeketend' };
        else this.#unchained += 1;
        continue;
      }
      this.#chainStarted = true;
      const previous = this.#heads.get(record.chain) ?? GENESIS_HASH;
      if (record.prevHash !== previous) this.#broken = { id: record.id, chain: record.chain, reason: 'schakel' };
      else if (record.hash !== auditHash(previous, { ...record, chain: record.chain })) this.#broken = { id: record.id, chain: record.chain, reason: 'inhoud' };
      else {
        this.#heads.set(record.chain, record.hash);
        this.#checked += 1;
      }
    }
    return this.#broken === null;
  }

  report(): ChainReport {
    return { checked: this.#checked, unchained: this.#unchained, chains: this.#heads.size, broken: this.#broken };
  }
}

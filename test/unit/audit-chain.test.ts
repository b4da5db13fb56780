/** ASVS 16.4.2: the audit log's hash chain, as pure rules (issue 13 item 8). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { auditHash, canonicalJson, ChainVerifier, GENESIS_HASH, type StoredLink } from '../../src/domain/audit-chain.ts';
import { TEST_NOW } from '../support/clock.ts';

const content = {
  chain: 'c1',
  occurredAt: TEST_NOW,
  actorUserId: 'u1',
  actorLabel: 'Bina Peeters',
  organisationId: 'o1',
  action: 'stap.gewijzigd',
  clientId: 'c1',
  details: { stepId: 's1', from: 'bezig', to: 'stopgezet' },
};

/** A well-linked chain of `n` records of chain `chain`, ids from `firstId`. */
function chainOf(n: number, chain = 'c1', firstId = 1, start = GENESIS_HASH): StoredLink[] {
  const records: StoredLink[] = [];
  let previous = start;
  for (let i = 0; i < n; i++) {
    const record = { ...content, chain, clientId: chain, details: { n: i }, id: firstId + i, prevHash: previous };
    const hash = auditHash(previous, record);
    records.push({ ...record, hash });
    previous = hash;
  }
  return records;
}

/** The record at `index`; fails the test when there is none. */
function nth(records: readonly StoredLink[], index: number): StoredLink {
  const record = records[index];
  if (record === undefined) throw new Error(`no record ${String(index)}`);
  return record;
}

describe('audit chain', () => {
  it('ASVS 16.4.2 the canonical form does not depend on the order of the keys (jsonb reorders them)', () => {
    assert.equal(canonicalJson({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: null } }), canonicalJson({ a: { c: null, d: [1, { x: 1, y: 2 }] }, b: 1 }));
    assert.equal(auditHash(GENESIS_HASH, content), auditHash(GENESIS_HASH, { ...content, details: { to: 'stopgezet', stepId: 's1', from: 'bezig' } }));
  });

  it('ASVS 16.4.2 every column and the previous hash change the hash', () => {
    const base = auditHash(GENESIS_HASH, content);
    const variants = [
      auditHash('1'.repeat(64), content),
      auditHash(GENESIS_HASH, { ...content, chain: 'c2' }),
      auditHash(GENESIS_HASH, { ...content, occurredAt: new Date(TEST_NOW.getTime() + 1) }),
      auditHash(GENESIS_HASH, { ...content, actorUserId: null }),
      auditHash(GENESIS_HASH, { ...content, actorLabel: 'Iemand anders' }),
      auditHash(GENESIS_HASH, { ...content, organisationId: 'o2' }),
      auditHash(GENESIS_HASH, { ...content, action: 'stap.geregistreerd' }),
      auditHash(GENESIS_HASH, { ...content, clientId: null }),
      auditHash(GENESIS_HASH, { ...content, details: { ...content.details, to: 'uitgevoerd' } }),
    ];
    assert.equal(new Set([base, ...variants]).size, variants.length + 1);
  });

  it('ASVS 16.4.2 an intact log verifies, interleaved chains and older unchained records included', () => {
    const older = [1, 2].map((id) => ({ ...content, id, chain: null, prevHash: null, hash: null }));
    const a = chainOf(3, 'c1', 3);
    const b = chainOf(2, 'portaal', 10);
    const verifier = new ChainVerifier();
    assert.equal(verifier.add([...older, nth(a, 0), nth(b, 0), nth(a, 1)]), true);
    assert.equal(verifier.add([nth(b, 1), nth(a, 2)]), true);
    assert.deepEqual(verifier.report(), { checked: 5, unchained: 2, chains: 2, broken: null });
  });

  it('ASVS 16.4.2 a changed record is named as the break', () => {
    const records = chainOf(4);
    records[2] = { ...nth(records, 2), details: { n: 99 } };
    const verifier = new ChainVerifier();
    assert.equal(verifier.add(records), false);
    assert.deepEqual(verifier.report().broken, { id: 3, chain: 'c1', reason: 'inhoud' });
    assert.equal(verifier.report().checked, 2);
  });

  it('ASVS 16.4.2 a removed record breaks the link of the next one', () => {
    const records = chainOf(4);
    const verifier = new ChainVerifier();
    verifier.add([nth(records, 0), nth(records, 1), nth(records, 3)]);
    assert.deepEqual(verifier.report().broken, { id: 4, chain: 'c1', reason: 'schakel' });
  });

  it('ASVS 16.4.2 a record without hash after the chain began is a break, not an older record', () => {
    const records = chainOf(2);
    const verifier = new ChainVerifier();
    verifier.add([nth(records, 0), { ...nth(records, 1), hash: null, prevHash: null, chain: null }]);
    assert.deepEqual(verifier.report().broken, { id: 2, chain: null, reason: 'ongeketend' });
  });
});

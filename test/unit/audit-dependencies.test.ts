import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { auditVerdict } from '../../scripts/audit-dependencies.ts';

describe('dependency audit in CI', () => {
  it('fails on a high or critical advisory in the production dependencies, naming the package', () => {
    const verdict = auditVerdict(JSON.stringify({ metadata: { vulnerabilities: { low: 2, high: 1, critical: 0 } }, vulnerabilities: { 'some-lib': { severity: 'high' }, other: { severity: 'low' } } }));
    assert.equal(verdict.fail, true);
    assert.match(verdict.line, /1 high or critical.*some-lib \(high\)/);
    assert.doesNotMatch(verdict.line, /other/);
  });

  it('passes with only low and moderate advisories', () => {
    assert.equal(auditVerdict(JSON.stringify({ metadata: { vulnerabilities: { low: 3, moderate: 1, high: 0, critical: 0 } } })).fail, false);
  });

  it('says that nothing was checked when the audit service does not answer, without failing and without naming its address', () => {
    const verdict = auditVerdict(JSON.stringify({ message: '405 Method Not Allowed - POST https://registry.example/-/npm/v1/security/advisories/bulk' }));
    assert.equal(verdict.fail, false);
    assert.match(verdict.line, /did not answer \(405 Method Not Allowed - POST\); not checked/);
    assert.equal(auditVerdict('').fail, false);
    assert.match(auditVerdict('').line, /not checked/);
  });
});

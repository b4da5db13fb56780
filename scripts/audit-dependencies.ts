/**
 * CI: fails on a known high or critical advisory in the production dependencies. When the
 * registry's audit service does not answer (no network, a proxy that refuses the request), it
 * says so in one line and does not fail: an unanswered question is not a clean bill of health,
 * and the line keeps that visible in every CI log.
 */
import { spawnSync } from 'node:child_process';

type Severity = 'info' | 'low' | 'moderate' | 'high' | 'critical';

export type AuditReport = {
  metadata?: { vulnerabilities?: Partial<Record<Severity, number>> };
  vulnerabilities?: Record<string, { severity: string }>;
  message?: string;
};

/** What CI says and whether it fails, for the report `npm audit --json` printed (or nothing). */
export function auditVerdict(output: string): { fail: boolean; line: string } {
  let report: AuditReport;
  try {
    report = JSON.parse(output) as AuditReport;
  } catch {
    return { fail: false, line: 'dependency audit: no answer from the audit service; not checked' };
  }
  const counts = report.metadata?.vulnerabilities;
  if (counts === undefined) {
    const reason = (report.message ?? 'no report').replace(/\S+:\/\/\S+/g, '').trim();
    return { fail: false, line: `dependency audit: the audit service did not answer (${reason}); not checked` };
  }
  const severe = Object.entries(report.vulnerabilities ?? {})
    .filter(([, v]) => v.severity === 'high' || v.severity === 'critical')
    .map(([name, v]) => `${name} (${v.severity})`);
  const high = (counts.high ?? 0) + (counts.critical ?? 0);
  if (high > 0) return { fail: true, line: `dependency audit: ${String(high)} high or critical advisories in production dependencies: ${severe.join(', ')}` };
  return { fail: false, line: `dependency audit: no high or critical advisories (${JSON.stringify(counts)})` };
}

if (import.meta.main) {
  const run = spawnSync('npm', ['audit', '--omit=dev', '--json'], { encoding: 'utf8', timeout: 120_000 });
  const verdict = auditVerdict(run.stdout);
  (verdict.fail ? console.error : console.log)(verdict.line);
  process.exit(verdict.fail ? 1 : 0);
}

/** The machine the figures were taken on, and plain-text tables for the summary. */
import { readFileSync } from 'node:fs';
import { availableParallelism, loadavg, totalmem } from 'node:os';

export type Machine = Readonly<{ cpus: number; cpuModel: string; memoryGiB: number; node: string; loadAverage: readonly number[] }>;

export function describeMachine(): Machine {
  let cpuModel = 'unknown';
  try {
    cpuModel = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1]?.trim() ?? cpuModel;
  } catch {
    // not Linux: the model stays unknown
  }
  return { cpus: availableParallelism(), cpuModel, memoryGiB: totalmem() / 2 ** 30, node: process.version, loadAverage: loadavg() };
}

export type Align = 'left' | 'right';
export type Row = readonly string[];

/** A table with a header row and a rule under it; columns after the first align right unless told. */
export function table(header: Row, rows: readonly Row[], align: readonly Align[] = []): string {
  const columns = header.length;
  const widths = Array.from({ length: columns }, (_, i) => Math.max(...[header, ...rows].map((row) => (row[i] ?? '').length)));
  const line = (row: Row): string =>
    widths
      .map((width, i) => {
        const cell = row[i] ?? '';
        return (align[i] ?? (i === 0 ? 'left' : 'right')) === 'left' ? cell.padEnd(width) : cell.padStart(width);
      })
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export const int = (n: number): string => Math.round(n).toLocaleString('en-US');
export const ms = (n: number, digits = 1): string => `${n.toFixed(digits)} ms`;
export const seconds = (milliseconds: number): string => `${(milliseconds / 1000).toFixed(2)} s`;
export const percent = (fraction: number): string => (Number.isNaN(fraction) ? 'n/a' : `${Math.round(fraction * 100)} %`);
export const verdict = (met: boolean): string => (met ? 'met' : 'MISSED');
/** Bytes as MB of 10^6 bytes, and a throughput in those MB per second. */
export const mb = (bytes: number): string => `${(bytes / 1e6).toFixed(1)} MB`;
export const mbPerSecond = (n: number): string => `${n.toFixed(1)} MB/s`;

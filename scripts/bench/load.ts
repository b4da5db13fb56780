/**
 * One load run: autocannon in a worker thread (the server under test keeps the main thread to
 * itself), with what else the machine did meanwhile: the main thread's event-loop utilisation
 * and CPU time (how busy the server was, and what a request cost it), the whole machine's CPU
 * use and the load average.
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import autocannon, { type Result } from 'autocannon';

export type LoadSettings = Readonly<{ connections: number; durationSeconds: number; warmupSeconds: number }>;

export type LoadRun = Readonly<{
  title: string;
  requestsPerSecond: number;
  requests: number;
  p50: number;
  p99: number;
  max: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  /** Share of wall time the main thread (the server) was busy, 0..1. */
  serverBusy: number;
  /** CPU time the main thread (the server) used per completed request, in ms: robust to other load on the machine. */
  serverCpuMsPerRequest: number;
  /** CPU time of the PostgreSQL server processes per completed request, in ms; NaN when not measurable. */
  postgresCpuMsPerRequest: number;
  /** Share of the whole machine's CPU time in use during the run (all processes), 0..1; NaN off Linux. */
  machineBusy: number;
  loadAverage: number;
  bytesPerRequest: number;
}>;

/** CPU ms used so far per PostgreSQL server process (pid), see database.ts backendCpu. */
export type PostgresCpu = () => Promise<ReadonlyMap<number, number>>;

export async function measure(
  title: string,
  url: string,
  headers: Record<string, string>,
  settings: LoadSettings,
  postgresCpu: PostgresCpu,
): Promise<LoadRun> {
  if (settings.warmupSeconds > 0) {
    await fire({ url, headers, connections: settings.connections, duration: settings.warmupSeconds, title: `${title} (warm-up)` });
  }
  const postgresBefore = await postgresCpu();
  const cpuBefore = cpuTimes();
  const eluBefore = performance.eventLoopUtilization();
  const threadBefore = process.threadCpuUsage();
  const result = await fire({ url, headers, connections: settings.connections, duration: settings.durationSeconds, title });
  const elu = performance.eventLoopUtilization(eluBefore);
  const thread = process.threadCpuUsage(threadBefore);
  const cpuAfter = cpuTimes();
  const postgresAfter = await postgresCpu();
  const completed = result.requests.total;
  // A server process that started during the run counts from zero; one that ended is lost (rare: the pool stays busy).
  const postgresMs = [...postgresAfter].reduce((sum, [pid, ms]) => sum + ms - (postgresBefore.get(pid) ?? 0), 0);
  return {
    title,
    requestsPerSecond: completed / result.duration,
    requests: completed,
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    serverBusy: elu.utilization,
    serverCpuMsPerRequest: completed > 0 ? (thread.user + thread.system) / 1000 / completed : Number.NaN,
    postgresCpuMsPerRequest: completed > 0 && postgresAfter.size > 0 ? postgresMs / completed : Number.NaN,
    machineBusy: cpuBefore && cpuAfter ? 1 - (cpuAfter.idle - cpuBefore.idle) / (cpuAfter.total - cpuBefore.total) : Number.NaN,
    loadAverage: loadavg()[0] ?? Number.NaN,
    bytesPerRequest: completed > 0 ? result.throughput.total / completed : 0,
  };
}

function fire(options: { url: string; headers: Record<string, string>; connections: number; duration: number; title: string }): Promise<Result> {
  return new Promise((resolve, reject) => {
    autocannon({ ...options, workers: 1, timeout: 10 }, (error, result) => {
      if (error !== null) reject(error);
      else resolve(result);
    });
  });
}

/** Jiffies of all CPUs from /proc/stat: total and idle (idle + iowait). */
function cpuTimes(): { total: number; idle: number } | undefined {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '';
    const fields = line.trim().split(/\s+/).slice(1).map(Number);
    const total = fields.slice(0, 8).reduce((sum, n) => sum + n, 0);
    return { total, idle: (fields[3] ?? 0) + (fields[4] ?? 0) };
  } catch {
    return undefined;
  }
}

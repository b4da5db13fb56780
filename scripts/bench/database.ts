/**
 * The throw-away database: created empty next to the one in BENCH_DATABASE_URL, migrated
 * with the application's own migrations, and dropped at the end whatever happened.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import pg from 'pg';

export type BenchDatabase = Readonly<{ name: string; url: string; drop: () => Promise<void> }>;

export async function createBenchDatabase(adminUrl: string): Promise<BenchDatabase> {
  const name = `bench_${randomBytes(6).toString('hex')}`;
  await withClient(adminUrl, (client) => client.query(`create database ${name}`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  let dropped = false;
  return {
    name,
    url: url.toString(),
    drop: async () => {
      if (dropped) return;
      dropped = true;
      // `with (force)` ends connections a crashed step may have left behind.
      await withClient(adminUrl, (client) => client.query(`drop database if exists ${name} with (force)`));
    },
  };
}

/** One connection for a short piece of work, always closed. */
export async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A count from a query with one `n` column. */
export async function count(client: pg.Client | pg.Pool, query: string, params: unknown[] = []): Promise<number> {
  const result = await client.query<{ n: string }>(query, params);
  return Number(result.rows[0]?.n ?? Number.NaN);
}

/** Jiffies per second of /proc/<pid>/stat (USER_HZ): 100 on Linux. */
const USER_HZ = 100;

/**
 * CPU time (ms) used so far by each PostgreSQL server process connected to the database:
 * PostgreSQL runs on this machine, so what a request costs it comes out of the same two cores.
 * Empty when /proc cannot be read (not Linux, or PostgreSQL on another machine).
 */
export async function backendCpu(url: string): Promise<ReadonlyMap<number, number>> {
  const pids = await withClient(url, async (client) => {
    const result = await client.query<{ pid: number }>('select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()');
    return result.rows.map((row) => row.pid);
  });
  const cpu = new Map<number, number>();
  for (const pid of pids) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      // Fields after the command name (which may hold spaces): utime and stime are the 14th and 15th.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      cpu.set(pid, ((Number(fields[11]) + Number(fields[12])) * 1000) / USER_HZ);
    } catch {
      // gone, or not on this machine
    }
  }
  return cpu;
}

/**
 * The benchmark's settings, from the environment. Defaults are the figures in DESIGN.md
 * ("Speed"): 50 connections for 15 s, a pool of 20, one database on this machine.
 */
export type BenchOptions = Readonly<{
  /** Where to create the throw-away database (the database in the URL is only used to connect). */
  adminUrl: string;
  durationSeconds: number;
  warmupSeconds: number;
  connections: number;
  poolSize: number;
}>;

const DEFAULT_URL = 'postgres://postgres@127.0.0.1:5432/test';

type Env = Readonly<Record<string, string | undefined>>;

export function readOptions(env: Env = process.env): BenchOptions {
  const adminUrl = env['BENCH_DATABASE_URL']?.trim() || DEFAULT_URL;
  if (!/^postgres(ql)?:\/\//.test(adminUrl)) throw new Error('BENCH_DATABASE_URL must start with postgres:// or postgresql://');
  return {
    adminUrl,
    durationSeconds: positiveInteger(env, 'BENCH_DURATION', 15),
    warmupSeconds: positiveInteger(env, 'BENCH_WARMUP', 3, { zero: true }),
    connections: positiveInteger(env, 'BENCH_CONNECTIONS', 50),
    poolSize: positiveInteger(env, 'BENCH_POOL_SIZE', 20),
  };
}

function positiveInteger(env: Env, name: string, fallback: number, { zero = false } = {}): number {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < (zero ? 0 : 1)) throw new Error(`${name} must be a whole number${zero ? '' : ' above 0'}, got "${raw}"`);
  return value;
}

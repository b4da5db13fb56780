/**
 * PGlite is one process with one connection: two processes writing one data folder corrupt it.
 * The portal therefore holds a lock file in the folder while it runs, with its process id; a
 * second process on the same folder is refused at start with one clear line. A lock left behind
 * by a process that no longer runs is taken over.
 */
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';

export const LOCK_FILE = 'portaal.lock';

export class DataDirInUseError extends Error {
  override name = 'DataDirInUseError';
}

export type DataDirLock = Readonly<{ release(): void }>;

export function lockDataDir(dataDir: string, pid: number = process.pid): DataDirLock {
  mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, `${String(pid)}\n`);
      closeSync(fd);
      return {
        release: () => {
          if (holder(file) === pid) rmSync(file, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const other = holder(file);
      if (other !== undefined && other !== pid && isRunning(other)) {
        throw new DataDirInUseError(
          `De map ${dataDir} is in gebruik door een ander proces van het portaal (pid ${String(other)}): de ingebouwde database verdraagt maar één proces. Stop dat proces, of kies een andere DATA_DIR, of gebruik PostgreSQL (DATABASE_URL) voor meerdere instanties.`,
        );
      }
      // Left behind by a process that stopped: take it over.
      rmSync(file, { force: true });
    }
  }
  throw new DataDirInUseError(`De map ${dataDir} kon niet vergrendeld worden (${LOCK_FILE}).`);
}

function holder(file: string): number | undefined {
  try {
    const pid = Number.parseInt(readFileSync(file, 'utf8').trim(), 10);
    return Number.isSafeInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, under another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

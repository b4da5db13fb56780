/**
 * PGlite is single-process: a second portal started on a data folder whose embedded database is
 * in use is refused at start with one clear line, and the first goes on serving. Two real
 * processes, started as in production (`node src/main.ts`).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { get, groupAlive, listeningPort, START_TIMEOUT_MS, startPortal, within } from '../support/portal-process.ts';

const ENV = { PORT: '0', HOST: '127.0.0.1', NODE_ENV: 'development', SEED_DEMO_DATA: 'false', LOG_LEVEL: 'info' } as const;

describe('one process per embedded database', () => {
  it('a second portal on a DATA_DIR in use is refused with one Dutch line and exit code 1; the first keeps serving', { timeout: 2 * START_TIMEOUT_MS }, async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'lbp-single-'));
    const first = startPortal({ ...ENV, DATA_DIR: dataDir }, 'node');
    let second: ReturnType<typeof startPortal> | undefined;
    try {
      const port = await listeningPort(first);
      second = startPortal({ ...ENV, DATA_DIR: dataDir }, 'node');
      const exit = await within(second.exited, START_TIMEOUT_MS, 'the second portal stops');
      assert.deepEqual(exit, { code: 1, signal: null });
      const lines = second.output().trim().split('\n');
      assert.equal(lines.length, 1, `one line:\n${second.output()}`);
      assert.match(lines[0] ?? '', /is in gebruik door een ander proces van het portaal \(pid \d+\): de ingebouwde database verdraagt maar één proces/);
      assert.equal(await get(port, new http.Agent()), 200, 'the first portal still answers');
    } finally {
      for (const portal of [first, second]) {
        const pid = portal?.child.pid;
        if (pid !== undefined && groupAlive(pid)) process.kill(-pid, 'SIGKILL');
      }
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

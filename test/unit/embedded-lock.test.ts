import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { DataDirInUseError, LOCK_FILE, lockDataDir } from '../../src/db/embedded-lock.ts';

describe('one process per embedded database (PGlite)', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'lbp-lock-'));
  after(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('a second process on a folder in use is refused with one Dutch line naming the folder and the other process', () => {
    const first = lockDataDir(dir);
    // `process.ppid` stands for another process that runs: our parent.
    assert.throws(
      () => lockDataDir(dir, process.ppid),
      (error: unknown) => {
        assert.ok(error instanceof DataDirInUseError);
        assert.match(error.message, new RegExp(`in gebruik door een ander proces van het portaal \\(pid ${String(process.pid)}\\)`));
        assert.ok(error.message.includes(dir));
        assert.doesNotMatch(error.message, /\n/);
        return true;
      },
    );
    first.release();
    assert.throws(() => readFileSync(path.join(dir, LOCK_FILE)), /ENOENT/);
  });

  it('a lock left by a process that no longer runs is taken over', () => {
    // No process has this id: the highest pid Linux hands out is below 2^22.
    writeFileSync(path.join(dir, LOCK_FILE), '4194304\n');
    const lock = lockDataDir(dir);
    assert.equal(readFileSync(path.join(dir, LOCK_FILE), 'utf8').trim(), String(process.pid));
    lock.release();
  });
});

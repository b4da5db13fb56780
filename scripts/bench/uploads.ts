/**
 * Documents (issue 4): ten concurrent uploads of a 20 MB PDF through the real form, against the
 * real application in a process of its own (upload-server.ts), so that its resident memory is
 * the server's alone. Targets: the server's peak RSS grows by less than 100 MB over its idle
 * level, and the upload throughput is at least half of what a bare Node stream pipeline achieves
 * that receives the same bytes over HTTP, hashes them with SHA-256 and writes them with fsync
 * (bare-upload-server.ts; issue 16 replaced the earlier comparison with `cp`).
 *
 * 1. ten different PDFs of 20,000,000 bytes (`%PDF-1.7`, random bytes in a stream, `%%EOF`) in a temporary
 *    folder, written to disk and synced before anything is timed;
 * 2. the server, with its blob store in the same temporary folder (same file system as the reference);
 * 3. log in as the bench begeleider over HTTP, GET "Document toevoegen" for its CSRF token:
 *    the idle level is the RSS after that (VmHWM is reset there, through clear_refs);
 * 4. the ten uploads at once, node:http, each body streamed from its file on disk, VmRSS read
 *    every 50 ms from /proc/<pid>/status; timed from the first byte to the last response (303);
 * 5. checks: 10 new document rows, 10 blobs on disk whose names are the files' SHA-256, no
 *    temporary upload left;
 * 6. the reference: the same ten uploads at once to the bare pipeline server (its own process,
 *    files into a folder of the same file system), once before and once after the uploads.
 * The temporary folder and the server are removed in `finally`, whatever happened.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes, randomFillSync } from 'node:crypto';
import { createReadStream, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdir, mkdtemp, open, readdir, rm, stat } from 'node:fs/promises';
import http from 'node:http';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { promisify } from 'node:util';
import { createContentCheck, DOCUMENT_UPLOADS } from '../../src/domain/documents/content-check.ts';
import { createFilesystemBlobStore } from '../../src/storage/filesystem-blob-store.ts';
import { openZip } from '../../src/storage/zip-reader.ts';
import { count, withClient } from './database.ts';
import { once, type Cleanup } from './http.ts';
import { int, mb, mbPerSecond, percent, seconds, table, verdict } from './report.ts';
import { cookieHeader, csrfIn, logIn, remember } from './session.ts';

export const UPLOADS = 10;
/** "A 20 MB PDF", under the form's limit of 20 MiB. */
export const UPLOAD_BYTES = 20_000_000;

/** Issue 4. Bytes are 10^6 a MB, so 100 MB is 100,000,000 bytes. */
export const UPLOAD_TARGETS = Object.freeze({ rssGrowthBytes: 100_000_000, shareOfBare: 0.5 });

const SAMPLE_MS = 50;
const NODE = path.resolve('node_modules/.bin/node');
const SERVER_SCRIPT = path.resolve('scripts/bench/upload-server.ts');
const BARE_SERVER_SCRIPT = path.resolve('scripts/bench/bare-upload-server.ts');
const run = promisify(execFile);

/** One run of the reference: the ten uploads to the bare pipeline server. */
export type ReferenceRun = Readonly<{ label: string; totalMs: number; mbPerSecond: number; serverCpuMs: number }>;

export type UploadRun = Readonly<{
  files: number;
  bytesPerFile: number;
  totalBytes: number;
  /** From the first byte sent to the last response. */
  ms: number;
  mbPerSecond: number;
  perUploadMs: Readonly<{ min: number; max: number }>;
  statuses: readonly number[];
  /** Resident memory of the server process, bytes. */
  idleRss: number;
  peakRssSampled: number;
  /** VmHWM after the run; reset to the idle level before it when `hwmReset`. */
  peakHwm: number;
  hwmReset: boolean;
  peakRssAnon: number;
  idleRssAnon: number;
  samples: number;
  growth: number;
  /** CPU time of the server process during the uploads (all its threads), ms. */
  serverCpuMs: number;
  /** The same per kind of thread (its name in /proc: the main thread is `node`, libuv's pool `libuv-worker`). */
  serverCpuByThread: readonly { name: string; ms: number }[];
  /** CPU time of this process (the client sending the files) during the uploads, ms. */
  clientCpuMs: number;
  newRows: number;
  blobsOnDisk: number;
  blobsMatchSources: boolean;
  temporaryLeft: number;
  copies: readonly ReferenceRun[];
  /** The blob store alone, no HTTP: the same ten files through put + commit at once, in the bench process. */
  store: Readonly<{ ms: number; mbPerSecond: number; cpuMs: number }>;
  /** The faster reference run: the stricter comparison. */
  bare: ReferenceRun;
  shareOfBare: number;
  loadAverage: readonly number[];
  folder: string;
}>;

export async function measureUploads(url: string, clientId: string, poolSize: number, progress: (line: string) => void, onCleanup: Cleanup): Promise<UploadRun> {
  const loadAverage = loadavg();
  const work = await mkdtemp(path.join(tmpdir(), 'lbp-bench-uploads-'));
  const sources = path.join(work, 'sources');
  const blobRoot = path.join(work, 'blobs');
  let server: ChildProcess | undefined;
  const cleanUp = once(async () => {
    if (server !== undefined) await stopServer(server);
    await rm(work, { recursive: true, force: true });
  });
  onCleanup(cleanUp);
  try {
    progress(`  ${UPLOADS} PDFs of ${int(UPLOAD_BYTES)} bytes in ${work}`);
    await mkdir(sources);
    const files: { file: string; sha256: string }[] = [];
    for (let i = 1; i <= UPLOADS; i++) files.push(await writePdf(path.join(sources, `bench-${String(i).padStart(2, '0')}.pdf`), UPLOAD_BYTES));
    await run('sync', ['-f', sources]);

    const copies: ReferenceRun[] = [];
    progress('  bare pipeline: SHA-256 + write + fsync over HTTP (before)');
    copies.push(await bareRun('before', files.map((f) => f.file), clientId, path.join(work, 'bare-before')));

    progress('  starting the server in its own process');
    const started = await startServer(SERVER_SCRIPT, { BENCH_UPLOAD_DATABASE_URL: url, BENCH_UPLOAD_BLOB_ROOT: blobRoot, BENCH_UPLOAD_POOL_SIZE: String(poolSize) });
    server = started.child;
    const pid = started.child.pid ?? fail('server pid');
    const base = `http://127.0.0.1:${started.port}`;

    const cookie = await logIn(base);
    const form = await csrfOfForm(base, clientId, cookie);
    const rowsBefore = await withClient(url, (client) => count(client, 'select count(*) as n from documents'));
    // Idle: after the login and one small request, the garbage of start-up given a moment to go.
    await sleep(1_000);
    const idle = readStatus(pid);
    const hwmReset = resetPeak(pid);

    progress(`  ${UPLOADS} uploads at once, VmRSS every ${SAMPLE_MS} ms`);
    const sampler = sample(pid);
    const cpuBefore = processCpuMs(pid);
    const threadsBefore = threadCpuMs(pid);
    const clientBefore = process.cpuUsage();
    const agent = new http.Agent({ keepAlive: false, maxSockets: UPLOADS });
    let results: UploadResult[];
    const t0 = performance.now();
    try {
      results = await Promise.all(files.map((f, i) => upload(base, clientId, form.cookie, form.token, f.file, i + 1, agent, t0)));
    } finally {
      agent.destroy();
    }
    const ms = Math.max(...results.map((r) => r.endMs));
    const serverCpuMs = processCpuMs(pid) - cpuBefore;
    const serverCpuByThread = cpuByThreadName(threadsBefore, threadCpuMs(pid));
    const clientUsage = process.cpuUsage(clientBefore);
    await sleep(200);
    const peak = sampler.stop();
    const after = readStatus(pid);
    const bad = results.filter((r) => r.status !== 303);
    if (bad.length > 0) throw new Error(`uploads: ${bad.map((r) => `#${r.index} answered ${r.status}: ${r.body.slice(0, 200)}`).join('; ')}`);

    const rowsAfter = await withClient(url, (client) => count(client, 'select count(*) as n from documents'));
    const blobs = await listBlobs(blobRoot);
    const temporaryLeft = (await readdir(path.join(blobRoot, 'tmp')).catch(() => [])).length;
    const expected = new Set(files.map((f) => f.sha256));
    const blobsMatchSources = blobs.length === expected.size && blobs.every((b) => expected.has(b.name) && b.size === UPLOAD_BYTES);

    progress('  the blob store alone (no HTTP), same files');
    const store = await storeRun(files.map((f) => f.file), path.join(work, 'store-only'));
    progress('  bare pipeline (after)');
    copies.push(await bareRun('after', files.map((f) => f.file), clientId, path.join(work, 'bare-after')));
    const bare = copies.reduce((best, c) => (c.totalMs < best.totalMs ? c : best));

    const totalBytes = UPLOADS * UPLOAD_BYTES;
    const uploadMbps = totalBytes / 1e6 / (ms / 1000);
    const peakRssSampled = Math.max(peak.rss, after.rss);
    const peakHwm = after.hwm;
    // Without the reset VmHWM may hold the start-up's peak: the samples are all there is then.
    const peakRss = hwmReset ? Math.max(peakRssSampled, peakHwm) : peakRssSampled;
    return {
      files: UPLOADS,
      bytesPerFile: UPLOAD_BYTES,
      totalBytes,
      ms,
      mbPerSecond: uploadMbps,
      perUploadMs: { min: Math.min(...results.map((r) => r.endMs - r.startMs)), max: Math.max(...results.map((r) => r.endMs - r.startMs)) },
      statuses: results.map((r) => r.status),
      idleRss: idle.rss,
      peakRssSampled,
      peakHwm,
      hwmReset,
      idleRssAnon: idle.rssAnon,
      peakRssAnon: peak.rssAnon,
      samples: peak.samples,
      growth: peakRss - idle.rss,
      serverCpuMs,
      serverCpuByThread,
      clientCpuMs: (clientUsage.user + clientUsage.system) / 1000,
      newRows: rowsAfter - rowsBefore,
      blobsOnDisk: blobs.length,
      blobsMatchSources,
      temporaryLeft,
      copies,
      store,
      bare,
      shareOfBare: uploadMbps / bare.mbPerSecond,
      loadAverage,
      folder: work,
    };
  } finally {
    await cleanUp();
  }
}

/** Section 4 of the summary. */
export function uploadsSummary(r: UploadRun, number = 4): string {
  const out: string[] = [];
  out.push(
    '',
    `${number}. Documents: ${r.files} concurrent uploads of a ${int(r.bytesPerFile)}-byte PDF (${r.files} different files), server in its own process`,
    `   files, blob store and the reference's folder under ${path.dirname(r.folder)}; load average at the start of this part: ${r.loadAverage.map((n) => n.toFixed(2)).join(' / ')}`,
    '',
  );
  out.push(
    table(
      ['Run', 'Bytes', 'Time', 'Throughput', 'of which sync', 'Per upload'],
      [
        [`${r.files} uploads at once (HTTP, 303 each)`, int(r.totalBytes), seconds(r.ms), mbPerSecond(r.mbPerSecond), 'in the store', `${seconds(r.perUploadMs.min)} – ${seconds(r.perUploadMs.max)}`],
        ['blob store alone, no HTTP (put + commit)', int(r.totalBytes), seconds(r.store.ms), mbPerSecond(r.store.mbPerSecond), 'in the store', `CPU ${seconds(r.store.cpuMs)}`],
        ...r.copies.map((c) => [`bare pipeline, SHA-256 + fsync (${c.label})`, int(r.totalBytes), seconds(c.totalMs), mbPerSecond(c.mbPerSecond), 'per file', `server CPU ${seconds(c.serverCpuMs)}`]),
      ],
    ),
  );
  out.push(
    '',
    table(
      ['Server memory', 'RSS', 'of which anonymous'],
      [
        ['idle (after login and one page)', mb(r.idleRss), mb(r.idleRssAnon)],
        [`peak, ${int(r.samples)} samples every ${SAMPLE_MS} ms`, mb(r.peakRssSampled), mb(r.peakRssAnon)],
        [`peak, VmHWM${r.hwmReset ? ' (reset at idle)' : ' (not reset: includes start-up)'}`, mb(r.peakHwm), ''],
      ],
    ),
  );
  out.push(
    '',
    `Server CPU during the uploads: ${seconds(r.serverCpuMs)} (all threads) over ${seconds(r.ms)} wall time, ` +
      `${(r.serverCpuMs / (r.totalBytes / 1e6)).toFixed(2)} ms per MB; by thread: ${r.serverCpuByThread.map((t) => `${t.name} ${seconds(t.ms)}`).join(', ')}.`,
    `CPU of the client (this process, reading the files and sending them) meanwhile: ${seconds(r.clientCpuMs)}.`,
    `Checks: ${r.statuses.filter((s) => s === 303).length}/${r.files} answered 303, ${r.newRows} new document rows, ${r.blobsOnDisk} blobs on disk ` +
      `(${r.blobsMatchSources ? 'named by the SHA-256 of the ten files, full size' : 'NOT matching the files'}), ${r.temporaryLeft} temporary uploads left.`,
    '',
  );
  out.push(
    table(
      ['Target', 'Measured', 'Target', 'Verdict'],
      [
        ['server peak RSS over idle', mb(r.growth), `< ${mb(UPLOAD_TARGETS.rssGrowthBytes)}`, verdict(r.growth < UPLOAD_TARGETS.rssGrowthBytes)],
        ['upload throughput / bare pipeline (faster run)', percent(r.shareOfBare), `>= ${percent(UPLOAD_TARGETS.shareOfBare)}`, verdict(r.shareOfBare >= UPLOAD_TARGETS.shareOfBare)],
        ['uploads stored (rows, blobs)', `${r.newRows}, ${r.blobsOnDisk}`, `${r.files}, ${r.files}`, verdict(r.newRows === r.files && r.blobsMatchSources && r.temporaryLeft === 0)],
      ],
    ),
  );
  return out.join('\n');
}

/**
 * A PDF of `bytes`: the header, one stream object of random bytes (so that no two files share a
 * blob; inside a stream, as a real PDF's images are, where the active-content check skips it),
 * the end marker. Returns its SHA-256.
 */
async function writePdf(file: string, bytes: number): Promise<{ file: string; sha256: string }> {
  const head = Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /XObject /Subtype /Image >>\nstream\n', 'latin1');
  const tail = Buffer.from('\nendstream\nendobj\n%%EOF\n', 'latin1');
  const hash = createHash('sha256');
  const handle = await open(file, 'wx');
  try {
    const write = async (chunk: Buffer): Promise<void> => {
      hash.update(chunk);
      await handle.write(chunk);
    };
    await write(head);
    let left = bytes - head.length - tail.length;
    const chunk = Buffer.alloc(1024 * 1024);
    while (left > 0) {
      const part = chunk.subarray(0, Math.min(left, chunk.length));
      randomFillSync(part);
      await write(part);
      left -= part.length;
    }
    await write(tail);
  } finally {
    await handle.close();
  }
  return { file, sha256: hash.digest('hex') };
}

/** What the store costs without HTTP and multipart: each file streamed from disk into put (with the document check), then commit. */
async function storeRun(files: readonly string[], root: string): Promise<{ ms: number; mbPerSecond: number; cpuMs: number }> {
  const store = createFilesystemBlobStore(root);
  const cpu = process.cpuUsage();
  const t0 = performance.now();
  await Promise.all(
    files.map(async (file) => {
      const result = await store.put(createReadStream(file, { highWaterMark: 64 * 1024 }), createContentCheck(DOCUMENT_UPLOADS, path.basename(file), 'application/pdf', openZip));
      if (!result.ok) throw new Error(`blob store alone: ${file} refused (${result.problem})`);
      await store.commit(result.blob);
    }),
  );
  const ms = performance.now() - t0;
  const used = process.cpuUsage(cpu);
  return { ms, mbPerSecond: (files.length * UPLOAD_BYTES) / 1e6 / (ms / 1000), cpuMs: (used.user + used.system) / 1000 };
}

async function bareRun(label: string, files: readonly string[], clientId: string, into: string): Promise<ReferenceRun> {
  await mkdir(into);
  const started = await startServer(BARE_SERVER_SCRIPT, { BENCH_BARE_ROOT: into });
  const pid = started.child.pid ?? fail('bare server pid');
  try {
    const base = `http://127.0.0.1:${started.port}`;
    const agent = new http.Agent({ keepAlive: false, maxSockets: UPLOADS });
    const cpuBefore = processCpuMs(pid);
    const t0 = performance.now();
    let results: UploadResult[];
    try {
      // The same requests as to the application (multipart, streamed from disk); the bare server ignores cookie and token.
      results = await Promise.all(files.map((file, i) => upload(base, clientId, '', 'bare', file, i + 1, agent, t0)));
    } finally {
      agent.destroy();
    }
    const totalMs = Math.max(...results.map((r) => r.endMs));
    const serverCpuMs = processCpuMs(pid) - cpuBefore;
    const bad = results.filter((r) => r.status !== 303);
    if (bad.length > 0) throw new Error(`bare pipeline: ${bad.map((r) => `#${r.index} answered ${r.status}: ${r.body.slice(0, 200)}`).join('; ')}`);
    return { label, totalMs, mbPerSecond: (files.length * UPLOAD_BYTES) / 1e6 / (totalMs / 1000), serverCpuMs };
  } finally {
    await stopServer(started.child);
  }
}

async function startServer(script: string, env: Record<string, string>): Promise<{ child: ChildProcess; port: number }> {
  // BENCH_UPLOAD_NODE_FLAGS: flags for the server's node, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof` or `--trace-gc`.
  const flags = (process.env['BENCH_UPLOAD_NODE_FLAGS'] ?? '').split(/\s+/).filter((flag) => flag !== '');
  const child = spawn(NODE, [...flags, script], { stdio: ['pipe', 'pipe', 'inherit'], env: { ...process.env, ...env } });
  try {
    const port = await new Promise<number>((resolve, reject) => {
      let output = '';
      const timer = setTimeout(() => {
        reject(new Error('server: no port within 120 s'));
      }, 120_000);
      child.once('error', reject);
      child.once('exit', (code, signal) => {
        reject(new Error(`upload server stopped before listening (${signal ?? `exit ${code ?? '?'}`})`));
      });
      child.stdout.setEncoding('utf8');
      // The first line of JSON is the port; anything else (--trace-gc, say) goes to stderr.
      let listening = false;
      child.stdout.on('data', (data: string) => {
        output += data;
        const lines = output.split('\n');
        output = lines.pop() ?? '';
        for (const line of lines) {
          if (!listening && line.startsWith('{')) {
            listening = true;
            clearTimeout(timer);
            const parsed = JSON.parse(line) as { port?: unknown };
            if (typeof parsed.port === 'number') resolve(parsed.port);
            else reject(new Error(`upload server: unexpected output ${line}`));
          } else {
            process.stderr.write(`  server: ${line}\n`);
          }
        }
      });
    });
    return { child, port };
  } catch (error) {
    await stopServer(child);
    throw error;
  }
}

/** SIGTERM, then SIGKILL after 5 s; resolves once the process is gone. */
async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const gone = new Promise<void>((resolve) => child.once('exit', () => { resolve(); }));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await gone;
  clearTimeout(timer);
}

type Status = { rss: number; hwm: number; rssAnon: number };

/** VmRSS, VmHWM and RssAnon of a process, in bytes. */
function readStatus(pid: number): Status {
  const text = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string): number => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(text)?.[1] ?? Number.NaN) * 1024;
  return { rss: kb('VmRSS'), hwm: kb('VmHWM'), rssAnon: kb('RssAnon') };
}

/** Resets VmHWM to the current RSS (Linux clear_refs, value 5); false when not allowed. */
function resetPeak(pid: number): boolean {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}

function sample(pid: number): { stop: () => { rss: number; rssAnon: number; samples: number } } {
  let rss = 0;
  let rssAnon = 0;
  let samples = 0;
  const take = (): void => {
    try {
      const s = readStatus(pid);
      rss = Math.max(rss, s.rss);
      rssAnon = Math.max(rssAnon, s.rssAnon);
      samples++;
    } catch {
      // the process is gone: the uploads will fail and say so
    }
  };
  take();
  const timer = setInterval(take, SAMPLE_MS);
  return {
    stop: () => {
      take();
      clearInterval(timer);
      return { rss, rssAnon, samples };
    },
  };
}

/** utime + stime of a process (all its threads), ms. */
function processCpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** CPU ms per thread of a process: thread id to [name, ms]. */
function threadCpuMs(pid: number): Map<string, [string, number]> {
  const threads = new Map<string, [string, number]>();
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    try {
      const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
      const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      threads.set(tid, [tid === String(pid) ? 'main thread' : name, (Number(fields[11]) + Number(fields[12])) * 10]);
    } catch {
      // the thread ended
    }
  }
  return threads;
}

function cpuByThreadName(before: Map<string, [string, number]>, after: Map<string, [string, number]>): { name: string; ms: number }[] {
  const byName = new Map<string, number>();
  for (const [tid, [name, ms]] of after) byName.set(name, (byName.get(name) ?? 0) + ms - (before.get(tid)?.[1] ?? 0));
  return [...byName].map(([name, ms]) => ({ name, ms })).filter((t) => t.ms > 0).sort((a, b) => b.ms - a.ms);
}

type UploadResult = { index: number; status: number; body: string; startMs: number; endMs: number };

/** One POST of "Document toevoegen": the CSRF token first, the fields, then the file streamed from disk. */
async function upload(base: string, clientId: string, cookie: string, token: string, file: string, index: number, agent: http.Agent, t0: number): Promise<UploadResult> {
  const boundary = `----lbp-bench-${randomBytes(12).toString('hex')}`;
  const field = (name: string, value: string): string => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
  const head = Buffer.from(
    field('_csrf', token) +
      field('publicatienaam', `Bench upload ${index}`) +
      field('soort', 'actieplan') +
      `--${boundary}\r\nContent-Disposition: form-data; name="document"; filename="${path.basename(file)}"\r\nContent-Type: application/pdf\r\n\r\n`,
    'utf8',
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`, 'utf8');
  const size = (await stat(file)).size;
  const target = new URL(`/dossiers/${clientId}/documenten/nieuw`, base);
  const startMs = performance.now() - t0;
  return new Promise<UploadResult>((resolve, reject) => {
    const request = http.request(target, {
      method: 'POST',
      agent,
      headers: { cookie, 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': String(head.length + size + tail.length) },
    });
    request.once('error', reject);
    request.once('response', (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.once('error', reject);
      response.once('end', () => {
        resolve({ index, status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), startMs, endMs: performance.now() - t0 });
      });
    });
    async function* body(): AsyncGenerator<Buffer> {
      yield head;
      for await (const chunk of createReadStream(file, { highWaterMark: 64 * 1024 })) yield chunk as Buffer;
      yield tail;
    }
    // A refusal may come before the whole body was sent: the response then tells what happened.
    pipeline(Readable.from(body()), request).catch((error: unknown) => {
      if (!request.destroyed) reject(error instanceof Error ? error : new Error(String(error)));
    });
  });
}

async function listBlobs(root: string): Promise<{ name: string; size: number }[]> {
  const found: { name: string; size: number }[] = [];
  const walk = async (dir: string): Promise<void> => {
    for (const entry of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory() && full !== path.join(root, 'tmp')) await walk(full);
      else if (entry.isFile() && /^[0-9a-f]{64}$/.test(entry.name)) found.push({ name: entry.name, size: (await stat(full)).size });
    }
  };
  await walk(root);
  return found;
}

/** "Document toevoegen" of the bench client: its CSRF token, and the cookie as it stands after. */
async function csrfOfForm(base: string, clientId: string, cookie: string): Promise<{ token: string; cookie: string }> {
  const jar = new Map(cookie.split('; ').map((pair) => [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)] as const));
  const response = await fetch(`${base}/dossiers/${clientId}/documenten/nieuw`, { headers: { cookie }, redirect: 'manual' });
  remember(jar, response);
  const token = csrfIn(await response.text());
  if (response.status !== 200 || token === undefined) throw new Error(`GET documenten/nieuw answered ${response.status}${token === undefined ? ' without a CSRF token' : ''}`);
  return { token, cookie: cookieHeader(jar) };
}

const sleep = (milliseconds: number): Promise<void> =>
  new Promise((resolve) => {
    setTimeout(resolve, milliseconds);
  });

function fail(what: string): never {
  throw new Error(`uploads: ${what} missing`);
}

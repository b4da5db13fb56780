/**
 * The reference of the uploads measurement (issue 16): a bare Node HTTP server in a process of
 * its own that does only the work an upload cannot skip. It receives the request body (the same
 * multipart bytes the application gets), hashes every byte with SHA-256 while a stream pipeline
 * writes it to a file, fsyncs the file and its folder, and answers 303. No parsing, no checks,
 * no database. Listens on a random port of 127.0.0.1 and prints `{"port":N}` on stdout; stops
 * on SIGTERM/SIGINT and when its stdin closes.
 *
 * Setting from the environment: BENCH_BARE_ROOT (the folder the files go to).
 */
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { open } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';

const root = process.env['BENCH_BARE_ROOT']?.trim() ?? '';
if (root === '') throw new Error('BENCH_BARE_ROOT is not set');

let received = 0;

async function receive(request: http.IncomingMessage): Promise<string> {
  received += 1;
  const hash = createHash('sha256');
  const name = path.join(root, `upload-${String(received)}`);
  const hashing = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      done(null, chunk);
    },
  });
  await pipeline(request, hashing, createWriteStream(name));
  // fsync works on the file, whichever descriptor asks: the written data reaches the disk here.
  const file = await open(name, 'r');
  try {
    await file.sync();
  } finally {
    await file.close();
  }
  const folder = await open(root, 'r');
  try {
    await folder.sync();
  } finally {
    await folder.close();
  }
  return hash.digest('hex');
}

const server = http.createServer((request, response) => {
  receive(request).then(
    (sha256) => {
      response.writeHead(303, { location: '/', 'x-sha256': sha256 });
      response.end();
    },
    (error: unknown) => {
      response.writeHead(500);
      response.end(String(error));
    },
  );
});

const stop = (): void => {
  server.close();
  process.exit(0);
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
process.stdin.on('close', stop);
process.stdin.resume();

server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('server has no TCP address');
  process.stdout.write(`${JSON.stringify({ port: address.port })}\n`);
});

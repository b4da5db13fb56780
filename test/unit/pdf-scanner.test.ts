/**
 * ASVS 5.2 (D3): the fast PDF scanner of issue 16 gives the same verdict as the byte-by-byte
 * scanner it replaced (test/support/pdf-scanner-reference.ts), on generated PDFs built from the
 * pieces the scan reacts to (keywords, active names plain and escaped, names at the length limit,
 * object streams packed or broken, random bytes), each cut into chunks at random places.
 */
import assert from 'node:assert/strict';
import { randomFillSync } from 'node:crypto';
import { describe, it } from 'node:test';
import { deflateSync } from 'node:zlib';
import { PdfScanner } from '../../src/domain/documents/pdf-content.ts';
import { ReferencePdfScanner } from '../support/pdf-scanner-reference.ts';

/** A small seeded generator (mulberry32): the same cases on every run. */
function generator(seed: number): (below: number) => number {
  let state = seed;
  return (below) => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * below);
  };
}

/** `EmbeddedFiles` with every letter escaped: 39 bytes, the longest name that can still be active. */
const ESCAPED_EMBEDDED_FILES = `/${Array.from(Buffer.from('EmbeddedFiles', 'latin1'), (b) => `#${b.toString(16)}`).join('')}`;

const PIECES = [
  'stream', 'endstream', 'endobj', 'obj', ' ', '\n', '\r\n', '\t', '\0', '/', '<<', '>>', '(', ')', '[', ']', '{', '}', '%', 'm', 'j', '#', '#6',
  'xstream', 'dstream', 'endstrea', 'ndobj', '/JavaScript', '/JS', '/J#53', '/J#61vaScript', '/Launch', '/EmbeddedFile', '/EmbeddedFiles',
  '/ObjStm', '/Type', '/JSX', '/Js', ESCAPED_EMBEDDED_FILES, `${ESCAPED_EMBEDDED_FILES}s`, `/${'A'.repeat(60)}`, '/stream', '/endstream',
];

function pieces(random: (below: number) => number, count: number, depth: number): Buffer {
  const parts: Buffer[] = [];
  for (let n = 0; n < count; n++) {
    const pick = random(PIECES.length + 3);
    if (pick < PIECES.length) parts.push(Buffer.from(PIECES[pick] ?? '', 'latin1'));
    else if (pick === PIECES.length) parts.push(randomBytesOf(random, 1 + random(24)));
    else if (depth === 0) parts.push(objectStream(random));
    else parts.push(Buffer.from(' ', 'latin1'));
  }
  return Buffer.concat(parts);
}

function randomBytesOf(random: (below: number) => number, length: number): Buffer {
  const bytes = Buffer.alloc(length);
  for (let i = 0; i < length; i++) bytes[i] = random(256);
  return bytes;
}

/** An object stream: packed pieces (with or without active names), or bytes that do not unpack. */
function objectStream(random: (below: number) => number): Buffer {
  const inner = pieces(random, random(12), 1);
  const data = random(5) === 0 ? randomBytesOf(random, 1 + random(30)) : deflateSync(inner);
  const eol = ['\n', '\r\n', '\r', ''][random(4)] ?? '\n';
  return Buffer.concat([Buffer.from(`<< /Type /ObjStm /N 1 >>${random(2) === 0 ? '\n' : ' '}stream${eol}`, 'latin1'), data, Buffer.from(`${random(3) === 0 ? '' : '\n'}endstream\nendobj\n`, 'latin1')]);
}

function cut(random: (below: number) => number, bytes: Buffer): Buffer[] {
  const chunks: Buffer[] = [];
  for (let at = 0; at < bytes.length;) {
    const size = random(3) === 0 ? 1 + random(3) : 1 + random(64);
    chunks.push(bytes.subarray(at, at + size));
    at += size;
  }
  return chunks;
}

type Scanner = { feed(chunk: Uint8Array): void; finish(): string | undefined };

function verdict(scanner: Scanner, chunks: readonly Buffer[]): string {
  for (const chunk of chunks) scanner.feed(Buffer.from(chunk));
  return scanner.finish() ?? 'geen probleem';
}

describe('ASVS 5.2 the fast PDF scanner', () => {
  it('ASVS 5.2 gives the verdict of the byte-by-byte scanner on 3,000 generated PDFs cut into random chunks', () => {
    const random = generator(16);
    const seen = new Map<string, number>();
    for (let n = 0; n < 3000; n++) {
      const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n', 'latin1'), pieces(random, 1 + random(40), 0), Buffer.from('\n%%EOF\n', 'latin1')]);
      const chunks = cut(random, pdf);
      const expected = verdict(new ReferencePdfScanner(), chunks);
      assert.equal(verdict(new PdfScanner(), chunks), expected, `case ${String(n)}: ${pdf.toString('latin1')}`);
      assert.equal(verdict(new PdfScanner(), [pdf]), verdict(new ReferencePdfScanner(), [pdf]), `case ${String(n)} whole`);
      seen.set(expected, (seen.get(expected) ?? 0) + 1);
    }
    // The cases reach every verdict, often enough to mean something.
    for (const outcome of ['geen probleem', 'pdf-actieve-inhoud', 'pdf-niet-leesbaar']) assert.ok((seen.get(outcome) ?? 0) > 100, `${outcome}: ${String(seen.get(outcome))}`);
  });

  it('ASVS 5.2 reads a name of 39 bytes that unescapes to /EmbeddedFiles as active, one of 40 bytes as not', () => {
    const scan = (text: string): string => verdict(new PdfScanner(), [Buffer.from(`%PDF-1.7\n<< ${text} >>\n`, 'latin1')]);
    assert.equal(ESCAPED_EMBEDDED_FILES.length, 40);
    assert.equal(scan(ESCAPED_EMBEDDED_FILES), 'pdf-actieve-inhoud');
    assert.equal(scan(`${ESCAPED_EMBEDDED_FILES}s`), 'geen probleem');
  });

  it('ASVS 5.2 skips 5 MB of random bytes in an image stream and still finds /JS after it', () => {
    const data = Buffer.alloc(5_000_000);
    randomFillSync(data);
    const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n1 0 obj << /Subtype /Image >>\nstream\n', 'latin1'), data, Buffer.from('\nendstream\nendobj\n2 0 obj << /S /JavaScript /JS (x) >> endobj\n', 'latin1')]);
    const scanner = new PdfScanner();
    for (let at = 0; at < pdf.length; at += 256 * 1024) scanner.feed(pdf.subarray(at, at + 256 * 1024));
    // Random bytes hold a delimiter + `endobj` by chance with odds of about 1 in 10^9.
    assert.equal(scanner.finish(), 'pdf-actieve-inhoud');
  });
});

/**
 * The PDF active-content scanner as it was before issue 16 made it fast (commit 26616b0):
 * byte by byte, a list of the last bytes, names as lists of numbers. Kept only as the reference
 * that test/unit/pdf-scanner.test.ts compares the fast scanner with, on the same inputs cut in
 * the same chunks: the speed-up must not change a single verdict.
 */
import { inflateSync } from 'node:zlib';

type PdfProblem = 'pdf-actieve-inhoud' | 'pdf-niet-leesbaar';

const ACTIVE_NAMES: ReadonlySet<string> = new Set(['JavaScript', 'JS', 'Launch', 'EmbeddedFile', 'EmbeddedFiles']);
/** An object stream unpacks to far less than this; more is refused as unreadable. */
const MAX_OBJECT_STREAM_BYTES = 32 * 1024 * 1024;

const isWhite = (b: number): boolean => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09 || b === 0x0c || b === 0x00;
const DELIMITERS = new Set(Array.from(Buffer.from('()<>[]{}/%', 'latin1')));
const isDelimiter = (b: number): boolean => isWhite(b) || DELIMITERS.has(b);

/** Reads names (/Name) out of PDF syntax, byte by byte, across chunk boundaries. */
class NameReader {
  #name: number[] | undefined;
  found: string | undefined;

  feed(byte: number): void {
    if (this.#name !== undefined) {
      if (!isDelimiter(byte)) {
        this.#name.push(byte);
        return;
      }
      this.#end();
    }
    if (byte === 0x2f) this.#name = [];
  }

  #end(): void {
    const name = decodeName(this.#name ?? []);
    this.#name = undefined;
    if (ACTIVE_NAMES.has(name)) this.found ??= name;
    this.last = name;
  }

  /** The last complete name read (to know that an object stream follows). */
  last = '';

  flush(): void {
    if (this.#name !== undefined) this.#end();
  }
}

function decodeName(bytes: readonly number[]): string {
  return Buffer.from(bytes).toString('latin1').replace(/#([0-9a-fA-F]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

const STREAM = Buffer.from('stream', 'latin1');
const ENDSTREAM = Buffer.from('endstream', 'latin1');
const ENDOBJ = Buffer.from('endobj', 'latin1');

export class ReferencePdfScanner {
  readonly #names = new NameReader();
  /** Outside a stream, in a stream to skip, or collecting an object stream to unpack. */
  #mode: 'objects' | 'skip' | 'object-stream' = 'objects';
  #objectStreamNext = false;
  #recent: number[] = [];
  #collected: number[] = [];
  #problem: PdfProblem | undefined;

  feed(chunk: Uint8Array): void {
    for (const byte of chunk) {
      if (this.#problem !== undefined) return;
      this.#remember(byte);
      if (this.#mode === 'objects') {
        this.#names.feed(byte);
        if (this.#names.last === 'ObjStm') this.#objectStreamNext = true;
        if (this.#keyword(STREAM) && !this.#endsWith(ENDSTREAM)) this.#startStream();
      } else if (this.#mode === 'object-stream') {
        this.#collected.push(byte);
        if (this.#collected.length > MAX_OBJECT_STREAM_BYTES) this.#problem = 'pdf-niet-leesbaar';
        else if (this.#keyword(ENDSTREAM)) this.#endStream();
      } else if (this.#keyword(ENDSTREAM) || this.#keyword(ENDOBJ)) {
        // A skipped stream ends at its `endstream`; `endobj` ends it too, so that the word
        // `stream` inside a string cannot hide the objects after it.
        this.#endStream();
      }
    }
    if (this.#names.found !== undefined) this.#problem = 'pdf-actieve-inhoud';
  }

  /** The verdict once the whole file was fed. */
  finish(): PdfProblem | undefined {
    this.#names.flush();
    if (this.#names.found !== undefined) this.#problem ??= 'pdf-actieve-inhoud';
    return this.#problem;
  }

  #remember(byte: number): void {
    this.#recent.push(byte);
    if (this.#recent.length > ENDSTREAM.length + 1) this.#recent.shift();
  }

  /** The word just ended and stands on its own: after white space or a delimiter (`>>stream`). */
  #keyword(word: Buffer): boolean {
    if (!this.#endsWith(word)) return false;
    const before = this.#recent[this.#recent.length - word.length - 1];
    return before === undefined || isDelimiter(before);
  }

  #endsWith(word: Buffer): boolean {
    const start = this.#recent.length - word.length;
    return start >= 0 && word.every((b, i) => this.#recent[start + i] === b);
  }

  #startStream(): void {
    this.#names.flush();
    this.#mode = this.#objectStreamNext ? 'object-stream' : 'skip';
    this.#objectStreamNext = false;
    this.#names.last = '';
    this.#collected = [];
  }

  #endStream(): void {
    if (this.#mode === 'object-stream') this.#readObjectStream();
    this.#mode = 'objects';
  }

  /** The data between `stream` + end of line and end of line + `endstream`, unpacked and read. */
  #readObjectStream(): void {
    const data = Buffer.from(this.#collected.slice(0, this.#collected.length - ENDSTREAM.length));
    this.#collected = [];
    let start = 0;
    if (data[start] === 0x0d) start++;
    if (data[start] === 0x0a) start++;
    let unpacked: Buffer;
    try {
      unpacked = inflateSync(data.subarray(start), { maxOutputLength: MAX_OBJECT_STREAM_BYTES, finishFlush: 2 /* Z_SYNC_FLUSH: trailing end-of-line bytes */ });
    } catch {
      this.#problem = 'pdf-niet-leesbaar';
      return;
    }
    const names = new NameReader();
    for (const byte of unpacked) names.feed(byte);
    names.flush();
    if (names.found !== undefined) this.#problem = 'pdf-actieve-inhoud';
  }
}

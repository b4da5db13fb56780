/**
 * ASVS 5.2 (issue 13 item 5): a PDF that runs script or other programs when opened, or carries
 * files inside it, is refused: the names /JavaScript, /JS, /Launch, /EmbeddedFile(s) anywhere in
 * its objects. Objects live in the file itself or packed in compressed object streams
 * (/Type /ObjStm); both are read. Page contents, images and fonts (other streams) hold no
 * actions and are skipped. Names are compared after their #xx escapes are decoded
 * (/J#61vaScript is /JavaScript). The scanner takes the file in chunks: memory stays small.
 *
 * Speed (issue 16): the scan is one pass over each chunk by index, with no work per byte beyond a
 * few comparisons. A keyword (`stream`, `endstream`, `endobj`) is only looked for at its last
 * letter, by looking back into the chunk or the last bytes of the previous one; a name is only
 * collected from its `/`; an object stream is kept as slices of the chunks. A name of more than
 * `MAX_NAME_BYTES` raw bytes is read as no name: even fully escaped it decodes to more letters
 * than any name the scan looks for.
 */
import { inflateSync } from 'node:zlib';

export type PdfProblem = 'pdf-actieve-inhoud' | 'pdf-niet-leesbaar';

const ACTIVE_NAMES: ReadonlySet<string> = new Set(['JavaScript', 'JS', 'Launch', 'EmbeddedFile', 'EmbeddedFiles']);
/** An object stream unpacks to far less than this; more is refused as unreadable. */
const MAX_OBJECT_STREAM_BYTES = 32 * 1024 * 1024;
/** `#xx` is three bytes for one letter: 3 × 13 (`EmbeddedFiles`, the longest name looked for). */
const MAX_NAME_BYTES = 3 * 13;

const WHITE = ' \n\r\t\f\0';
const DELIMITER = new Uint8Array(256);
for (const b of Buffer.from(`${WHITE}()<>[]{}/%`, 'latin1')) DELIMITER[b] = 1;
const isDelimiter = (b: number): boolean => DELIMITER[b] === 1;

const SLASH = 0x2f;
const HASH = 0x23;
const LAST_OF_STREAM = 0x6d; // m: the last letter of `stream` and `endstream`
const LAST_OF_ENDOBJ = 0x6a; // j

/** Reads names (/Name) out of PDF syntax, byte by byte, across chunk boundaries. */
class NameReader {
  readonly #name = new Uint8Array(MAX_NAME_BYTES);
  /** Bytes of the name being read; -1 outside a name. */
  #length = -1;
  found: string | undefined;
  /** The last complete name read (to know that an object stream follows). */
  last = '';

  feed(byte: number): void {
    if (this.#length >= 0) {
      if (!isDelimiter(byte)) {
        if (this.#length < MAX_NAME_BYTES) this.#name[this.#length] = byte;
        this.#length++;
        return;
      }
      this.#end();
    }
    if (byte === SLASH) this.#length = 0;
  }

  /** Whether a name is being read: only then (or at a `/`) does a byte matter. */
  get reading(): boolean {
    return this.#length >= 0;
  }

  #end(): void {
    const name = this.#length > MAX_NAME_BYTES ? '\u0000too-long' : decodeName(this.#name.subarray(0, this.#length));
    this.#length = -1;
    if (ACTIVE_NAMES.has(name)) this.found ??= name;
    this.last = name;
  }

  flush(): void {
    if (this.#length >= 0) this.#end();
  }
}

function decodeName(bytes: Uint8Array): string {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('latin1');
  if (!bytes.includes(HASH)) return text;
  return text.replace(/#([0-9a-fA-F]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** The first position from `i` holding the last letter of `endstream` or `endobj` (or the end). */
function nextEnd(chunk: Uint8Array, from: number): number {
  let i = from;
  while (i < chunk.length) {
    const byte = chunk[i];
    if (byte === LAST_OF_STREAM || byte === LAST_OF_ENDOBJ) return i;
    i++;
  }
  return i;
}

const STREAM = Buffer.from('stream', 'latin1');
const ENDSTREAM = Buffer.from('endstream', 'latin1');
const ENDOBJ = Buffer.from('endobj', 'latin1');
/** The bytes of earlier chunks a keyword can reach back to: `endstream` and the byte before it. */
const TAIL_BYTES = ENDSTREAM.length + 1;

export class PdfScanner {
  readonly #names = new NameReader();
  /** Outside a stream, in a stream to skip, or collecting an object stream to unpack. */
  #mode: 'objects' | 'skip' | 'object-stream' = 'objects';
  #objectStreamNext = false;
  /** The last bytes of the chunks fed before the current one (at most `TAIL_BYTES`). */
  #tail: Buffer = Buffer.alloc(0);
  /** The object stream being collected: copies of the parts of earlier chunks, its length. */
  #collected: Buffer[] = [];
  #collectedLength = 0;
  /** Where the object stream starts in the current chunk (0 when it began in an earlier one). */
  #collectFrom = 0;
  #problem: PdfProblem | undefined;

  feed(chunk: Uint8Array): void {
    this.#collectFrom = 0;
    for (let i = 0; i < chunk.length; i++) {
      if (this.#problem !== undefined) return;
      // In a stream to skip only the last letter of `endstream` or `endobj` can change anything.
      if (this.#mode === 'skip') i = nextEnd(chunk, i);
      if (i === chunk.length) break;
      const byte = chunk[i] ?? 0;
      if (this.#mode === 'objects') {
        if (byte === SLASH || this.#names.reading) this.#names.feed(byte);
        if (this.#names.last === 'ObjStm') this.#objectStreamNext = true;
        if (byte === LAST_OF_STREAM && this.#keyword(chunk, i, STREAM) && !this.#endsWith(chunk, i, ENDSTREAM)) this.#startStream(i + 1);
      } else if (this.#mode === 'object-stream') {
        this.#collectedLength++;
        if (this.#collectedLength > MAX_OBJECT_STREAM_BYTES) this.#problem = 'pdf-niet-leesbaar';
        else if (byte === LAST_OF_STREAM && this.#keyword(chunk, i, ENDSTREAM)) this.#endStream(chunk, i + 1);
      } else if ((byte === LAST_OF_STREAM && this.#keyword(chunk, i, ENDSTREAM)) || (byte === LAST_OF_ENDOBJ && this.#keyword(chunk, i, ENDOBJ))) {
        // A skipped stream ends at its `endstream`; `endobj` ends it too, so that the word
        // `stream` inside a string cannot hide the objects after it.
        this.#endStream(chunk, i + 1);
      }
    }
    if (this.#mode === 'object-stream' && this.#collectFrom < chunk.length) this.#collected.push(Buffer.from(chunk.subarray(this.#collectFrom)));
    this.#keepTail(chunk);
    if (this.#names.found !== undefined) this.#problem = 'pdf-actieve-inhoud';
  }

  /** The verdict once the whole file was fed. */
  finish(): PdfProblem | undefined {
    this.#names.flush();
    if (this.#names.found !== undefined) this.#problem ??= 'pdf-actieve-inhoud';
    return this.#problem;
  }

  #keepTail(chunk: Uint8Array): void {
    const joined = chunk.length >= TAIL_BYTES ? chunk : Buffer.concat([this.#tail, chunk]);
    this.#tail = Buffer.from(joined.subarray(Math.max(0, joined.length - TAIL_BYTES)));
  }

  /** The byte `back` places before position `i` of the chunk, reaching into earlier chunks. */
  #before(chunk: Uint8Array, i: number, back: number): number | undefined {
    return i >= back ? chunk[i - back] : this.#tail[this.#tail.length - (back - i)];
  }

  /** The word just ended (at `i`) and stands on its own: after white space or a delimiter (`>>stream`). */
  #keyword(chunk: Uint8Array, i: number, word: Buffer): boolean {
    if (!this.#endsWith(chunk, i, word)) return false;
    const before = this.#before(chunk, i, word.length);
    return before === undefined || isDelimiter(before);
  }

  #endsWith(chunk: Uint8Array, i: number, word: Buffer): boolean {
    for (let back = 0; back < word.length; back++) {
      if (this.#before(chunk, i, back) !== word[word.length - 1 - back]) return false;
    }
    return true;
  }

  /** `from`: the first byte of the stream's data in the current chunk. */
  #startStream(from: number): void {
    this.#names.flush();
    this.#mode = this.#objectStreamNext ? 'object-stream' : 'skip';
    this.#objectStreamNext = false;
    this.#names.last = '';
    this.#collected = [];
    this.#collectedLength = 0;
    this.#collectFrom = from;
  }

  /** `end`: just after the stream's `endstream` (or `endobj`) in the current chunk. */
  #endStream(chunk: Uint8Array, end: number): void {
    if (this.#mode === 'object-stream') {
      this.#collected.push(Buffer.from(chunk.subarray(this.#collectFrom, end)));
      this.#readObjectStream();
    }
    this.#mode = 'objects';
  }

  /** The data between `stream` + end of line and end of line + `endstream`, unpacked and read. */
  #readObjectStream(): void {
    const whole = Buffer.concat(this.#collected);
    const data = whole.subarray(0, Math.max(0, whole.length - ENDSTREAM.length));
    this.#collected = [];
    this.#collectedLength = 0;
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
    for (const byte of unpacked) if (byte === SLASH || names.reading) names.feed(byte);
    names.flush();
    if (names.found !== undefined) this.#problem = 'pdf-actieve-inhoud';
  }
}

/**
 * The zip adapter of D3 / ASVS 5.2: yauzl reads the directory and inflates entries as streams
 * from the stored file through `ReadAt`, so that no whole file is held in memory. The rules of
 * what a DOCX or ODT may hold are in domain/documents/zip-container.ts.
 */
import { Readable } from 'node:stream';
import yauzl from 'yauzl';
import type { OpenedZip, OpenZip, ReadAt, ZipEntry } from '../domain/documents/zip-container.ts';

const CHUNK = 64 * 1024;
const EOCD_SIGNATURE = 0x06054b50;
const EOCD_SIZE = 22;
const MAX_COMMENT = 0xffff;

/** yauzl reads the stored file through `ReadAt`, in chunks. */
class ReadAtReader extends yauzl.RandomAccessReader {
  readonly #read: ReadAt;

  constructor(read: ReadAt) {
    super();
    this.#read = read;
  }

  override _readStreamForRange(start: number, end: number): Readable {
    const read = this.#read;
    return Readable.from(
      (async function* chunks() {
        for (let position = start; position < end; position += CHUNK) {
          const bytes = await read(position, Math.min(CHUNK, end - position));
          if (bytes.length === 0) throw new Error('unexpected end of file');
          yield Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
        }
      })(),
      { objectMode: false },
    );
  }
}

/** What the end of the central directory declares (its own count and size), or undefined. */
async function endOfDirectory(read: ReadAt, size: number): Promise<{ entries: number; directoryBytes: number } | undefined> {
  const tailLength = Math.min(size, EOCD_SIZE + MAX_COMMENT);
  const tail = await read(size - tailLength, tailLength);
  const data = new DataView(tail.buffer, tail.byteOffset, tail.byteLength);
  for (let i = tail.length - EOCD_SIZE; i >= 0; i--) {
    if (data.getUint32(i, true) === EOCD_SIGNATURE && data.getUint16(i + 20, true) === tail.length - i - EOCD_SIZE) {
      return { entries: data.getUint16(i + 10, true), directoryBytes: data.getUint32(i + 12, true) };
    }
  }
  return undefined;
}

function open(reader: ReadAtReader, size: number): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.fromRandomAccessReader(reader, size, { lazyEntries: true, autoClose: false, validateEntrySizes: true, strictFileNames: true }, (error, zip) => {
      if (error === null) resolve(zip);
      else reject(error);
    });
  });
}

function listEntries(zip: yauzl.ZipFile): Promise<yauzl.Entry[]> {
  return new Promise((resolve, reject) => {
    const entries: yauzl.Entry[] = [];
    zip.on('entry', (entry: yauzl.Entry) => {
      entries.push(entry);
      zip.readEntry();
    });
    zip.once('end', () => {
      resolve(entries);
    });
    zip.once('error', reject);
    zip.readEntry();
  });
}

function openStream(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<Readable> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (error, stream) => {
      if (error === null) resolve(stream);
      else reject(error);
    });
  });
}

/**
 * Inflates one entry, handing every chunk to `take`; stops and answers 'zip-te-groot' when
 * `take` says the cap is passed, 'zip-ongeldig' when the data is damaged or not its declared size.
 */
async function inflate(zip: yauzl.ZipFile, entry: yauzl.Entry, take: (chunk: Buffer) => boolean): Promise<'zip-te-groot' | 'zip-ongeldig' | undefined> {
  let stream: Readable;
  try {
    stream = await openStream(zip, entry);
  } catch {
    return 'zip-ongeldig';
  }
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      if (!take(chunk)) {
        stream.destroy();
        return 'zip-te-groot';
      }
    }
    return undefined;
  } catch {
    // yauzl checks that each entry inflates to exactly its declared size (validateEntrySizes).
    return 'zip-ongeldig';
  }
}

export const openZip: OpenZip = async (read, size, maxEntries) => {
  const declared = await endOfDirectory(read, size);
  if (declared === undefined) return 'zip-ongeldig';
  let zip: yauzl.ZipFile;
  try {
    zip = await open(new ReadAtReader(read), size);
  } catch {
    return 'zip-ongeldig';
  }
  if (zip.entryCount > maxEntries) {
    zip.close();
    return 'zip-te-veel-onderdelen';
  }
  let raw: yauzl.Entry[];
  try {
    raw = await listEntries(zip);
  } catch {
    zip.close();
    return 'zip-ongeldig';
  }
  const byEntry = new Map<ZipEntry, yauzl.Entry>();
  const entries = raw.map((e) => {
    const entry: ZipEntry = {
      name: e.fileName,
      method: e.compressionMethod,
      compressedSize: e.compressedSize,
      uncompressedSize: e.uncompressedSize,
      directoryBytes: 46 + e.fileNameLength + e.extraFieldLength + e.fileCommentLength,
    };
    byEntry.set(entry, e);
    return entry;
  });
  const original = (entry: ZipEntry): yauzl.Entry => {
    const found = byEntry.get(entry);
    if (found === undefined) throw new Error('an entry of another zip');
    return found;
  };
  const opened: OpenedZip = {
    entries,
    declared,
    async read(entry, maxBytes) {
      const chunks: Buffer[] = [];
      let total = 0;
      const outcome = await inflate(zip, original(entry), (chunk) => {
        total += chunk.length;
        chunks.push(chunk);
        return total <= maxBytes;
      });
      return outcome ?? new Uint8Array(Buffer.concat(chunks));
    },
    async inflateAll(maxBytes) {
      let total = 0;
      for (const entry of raw) {
        if (entry.fileName.endsWith('/') && entry.uncompressedSize === 0) continue;
        const outcome = await inflate(zip, entry, (chunk) => (total += chunk.length) <= maxBytes);
        if (outcome !== undefined) return outcome;
      }
      return undefined;
    },
    close: () => {
      zip.close();
    },
  };
  return opened;
};

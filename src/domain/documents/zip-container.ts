/**
 * D3: a DOCX or ODT is a zip. Its central directory (at the end of the file) lists every entry
 * with its unpacked size: more than 1,000 entries or more than 100 MB unpacked is refused, so
 * that a zip bomb with a .docx name does not get in. The directory is read, never unpacked.
 * ZIP64 and multi-disk archives are refused: a document of at most 20 MB never needs them, and
 * their extra size fields are where a crafted file would hide its counts.
 */

export const MAX_ZIP_ENTRIES = 1000;
export const MAX_UNPACKED_BYTES = 100 * 1024 * 1024;
/** A directory of 1,000 entries with long names stays far below this. */
const MAX_DIRECTORY_BYTES = 4 * 1024 * 1024;

const EOCD_SIGNATURE = 0x06054b50;
const EOCD_SIZE = 22;
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const CENTRAL_SIZE = 46;
const LOCAL_SIGNATURE = 0x04034b50;
const LOCAL_SIZE = 30;
const MAX_COMMENT = 0xffff;

export const ODT_MIMETYPE = 'application/vnd.oasis.opendocument.text';

/** Reads `length` bytes at `position` of the stored file (fewer at its end). */
export type ReadAt = (position: number, length: number) => Promise<Uint8Array>;

export type ZipEntry = Readonly<{
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}>;

export type ZipProblem = 'zip-ongeldig' | 'zip-te-veel-onderdelen' | 'zip-te-groot';

export type ZipInspection =
  | { ok: true; entries: readonly ZipEntry[]; unpackedBytes: number }
  | { ok: false; problem: ZipProblem };

type Directory = Readonly<{ entries: number; size: number; offset: number }>;

const view = (bytes: Uint8Array): DataView => new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/** The end-of-central-directory record, searched backwards over the comment that may follow it. */
export function findDirectory(tail: Uint8Array, tailOffset: number): Directory | 'zip-ongeldig' {
  const data = view(tail);
  for (let i = tail.length - EOCD_SIZE; i >= 0; i--) {
    if (data.getUint32(i, true) !== EOCD_SIGNATURE) continue;
    if (data.getUint16(i + 20, true) !== tail.length - i - EOCD_SIZE) continue;
    const disk = data.getUint16(i + 4, true);
    const directoryDisk = data.getUint16(i + 6, true);
    const entriesHere = data.getUint16(i + 8, true);
    const entries = data.getUint16(i + 10, true);
    const size = data.getUint32(i + 12, true);
    const offset = data.getUint32(i + 16, true);
    const zip64 = entries === 0xffff || size === 0xffffffff || offset === 0xffffffff || (i >= 20 && data.getUint32(i - 20, true) === ZIP64_LOCATOR_SIGNATURE);
    if (disk !== 0 || directoryDisk !== 0 || entriesHere !== entries || zip64) return 'zip-ongeldig';
    if (offset + size > tailOffset + i) return 'zip-ongeldig';
    return { entries, size, offset };
  }
  return 'zip-ongeldig';
}

/** Walks the central directory: exactly `expected` headers filling exactly its size. */
export function parseDirectory(bytes: Uint8Array, expected: number): ZipEntry[] | 'zip-ongeldig' {
  const data = view(bytes);
  const decoder = new TextDecoder('utf-8');
  const entries: ZipEntry[] = [];
  let position = 0;
  while (entries.length < expected) {
    if (position + CENTRAL_SIZE > bytes.length || data.getUint32(position, true) !== CENTRAL_SIGNATURE) return 'zip-ongeldig';
    const compressedSize = data.getUint32(position + 20, true);
    const uncompressedSize = data.getUint32(position + 24, true);
    const nameLength = data.getUint16(position + 28, true);
    const extraLength = data.getUint16(position + 30, true);
    const commentLength = data.getUint16(position + 32, true);
    const localHeaderOffset = data.getUint32(position + 42, true);
    if (compressedSize === 0xffffffff || uncompressedSize === 0xffffffff || localHeaderOffset === 0xffffffff) return 'zip-ongeldig';
    const end = position + CENTRAL_SIZE + nameLength + extraLength + commentLength;
    if (end > bytes.length) return 'zip-ongeldig';
    entries.push({
      name: decoder.decode(bytes.subarray(position + CENTRAL_SIZE, position + CENTRAL_SIZE + nameLength)),
      method: data.getUint16(position + 10, true),
      compressedSize,
      uncompressedSize,
      localHeaderOffset,
    });
    position = end;
  }
  return position === bytes.length ? entries : 'zip-ongeldig';
}

/** D3: reads the directory of a stored zip of `size` bytes and applies the limits. */
export async function inspectZip(read: ReadAt, size: number): Promise<ZipInspection> {
  const tailLength = Math.min(size, EOCD_SIZE + MAX_COMMENT);
  const tailOffset = size - tailLength;
  const directory = findDirectory(await read(tailOffset, tailLength), tailOffset);
  if (directory === 'zip-ongeldig') return { ok: false, problem: 'zip-ongeldig' };
  if (directory.entries > MAX_ZIP_ENTRIES) return { ok: false, problem: 'zip-te-veel-onderdelen' };
  if (directory.size > MAX_DIRECTORY_BYTES) return { ok: false, problem: 'zip-ongeldig' };
  const bytes = await read(directory.offset, directory.size);
  if (bytes.length !== directory.size) return { ok: false, problem: 'zip-ongeldig' };
  const entries = parseDirectory(bytes, directory.entries);
  if (entries === 'zip-ongeldig') return { ok: false, problem: 'zip-ongeldig' };
  const unpackedBytes = entries.reduce((sum, e) => sum + e.uncompressedSize, 0);
  if (unpackedBytes > MAX_UNPACKED_BYTES) return { ok: false, problem: 'zip-te-groot' };
  return { ok: true, entries, unpackedBytes };
}

/** A DOCX (Office Open XML word processing) has [Content_Types].xml and its parts under word/. */
export function isDocx(entries: readonly ZipEntry[]): boolean {
  return entries.some((e) => e.name === '[Content_Types].xml') && entries.some((e) => e.name.startsWith('word/'));
}

/**
 * An ODT (OpenDocument text) starts with an uncompressed entry `mimetype` that holds exactly
 * `application/vnd.oasis.opendocument.text`.
 */
export async function isOdt(read: ReadAt, entries: readonly ZipEntry[]): Promise<boolean> {
  const mimetype = entries.find((e) => e.name === 'mimetype');
  if (mimetype === undefined || mimetype.method !== 0 || mimetype.compressedSize !== ODT_MIMETYPE.length) return false;
  const header = await read(mimetype.localHeaderOffset, LOCAL_SIZE);
  if (header.length !== LOCAL_SIZE) return false;
  const data = view(header);
  if (data.getUint32(0, true) !== LOCAL_SIGNATURE) return false;
  const start = mimetype.localHeaderOffset + LOCAL_SIZE + data.getUint16(26, true) + data.getUint16(28, true);
  const content = await read(start, mimetype.compressedSize);
  return new TextDecoder('latin1').decode(content) === ODT_MIMETYPE;
}

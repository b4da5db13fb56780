/**
 * D3 and ASVS 5.2 (issue 13 item 5): a DOCX or ODT is a zip, read with a maintained zip library
 * (the adapter behind `OpenZip`, in src/storage/zip-reader.ts) and judged here:
 * - at most 1,000 entries and 100 MB unpacked, by what the directory declares and again while
 *   every entry is inflated as a stream: the declared sizes are not trusted (an entry that declares
 *   1 kB and inflates to 300 MB is cut off and refused);
 * - a directory that announces fewer entries than it holds is refused (a second reader would see
 *   parts this one did not check);
 * - parts that carry macros or active content are refused: `vbaProject.bin`, ActiveX parts and a
 *   macro-enabled content type in a DOCX, `Basic/` and `Scripts/` in an ODT;
 * - relationships to outside the file (`TargetMode="External"`) are refused, except hyperlinks:
 *   a link in a CV is followed only when the reader clicks it, while an external template, frame
 *   or object is fetched when the file is opened.
 */

export const MAX_ZIP_ENTRIES = 1000;
export const MAX_UNPACKED_BYTES = 100 * 1024 * 1024;
/** The parts read as text ([Content_Types].xml, relationships, mimetype) are small. */
const MAX_PART_BYTES = 4 * 1024 * 1024;

export const ODT_MIMETYPE = 'application/vnd.oasis.opendocument.text';

/** Reads `length` bytes at `position` of the stored file (fewer at its end). */
export type ReadAt = (position: number, length: number) => Promise<Uint8Array>;

export type ZipEntry = Readonly<{ name: string; method: number; compressedSize: number; uncompressedSize: number; directoryBytes: number }>;

export type ZipProblem = 'zip-ongeldig' | 'zip-te-veel-onderdelen' | 'zip-te-groot' | 'macro' | 'externe-koppeling';

/** A zip opened from a stored file: its directory, and its entries inflated with a cap. */
export type OpenedZip = Readonly<{
  entries: readonly ZipEntry[];
  /** What the end of the directory declares: its number of entries and its size in bytes. */
  declared: Readonly<{ entries: number; directoryBytes: number }>;
  /** The entry inflated; 'zip-te-groot' as soon as it passes `maxBytes`, whatever it declares. */
  read(entry: ZipEntry, maxBytes: number): Promise<Uint8Array | 'zip-te-groot' | 'zip-ongeldig'>;
  /** Every entry inflated as a stream and counted; 'zip-te-groot' as soon as the total passes `maxBytes`. */
  inflateAll(maxBytes: number): Promise<'zip-te-groot' | 'zip-ongeldig' | undefined>;
  close(): void;
}>;

/** The adapter: opens the zip, refusing more than `maxEntries` before reading them. */
export type OpenZip = (read: ReadAt, size: number, maxEntries: number) => Promise<OpenedZip | 'zip-ongeldig' | 'zip-te-veel-onderdelen'>;

export type ZipInspection = { ok: true; format: 'docx' | 'odt' | undefined } | { ok: false; problem: ZipProblem };

const MACRO_PARTS: readonly RegExp[] = [
  /(^|\/)vbaProject\.bin$/i,
  /(^|\/)vbaData\.xml$/i,
  /(^|\/)activeX\//i,
  /^Basic\//,
  /^Scripts\//,
];

export function isMacroPart(name: string): boolean {
  return MACRO_PARTS.some((pattern) => pattern.test(name));
}

const RELATIONSHIP = /<Relationship\b[^>]*>/gi;
function attribute(tag: string, name: string): string | undefined {
  const match = new RegExp(`\\b${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`, 'i').exec(tag);
  return match === null ? undefined : (match[1] ?? match[2]);
}

/** The targets of the relationships that point outside the file, hyperlinks left out. */
export function externalRelationships(relationshipsXml: string): string[] {
  const found: string[] = [];
  for (const tag of relationshipsXml.match(RELATIONSHIP) ?? []) {
    const mode = attribute(tag, 'TargetMode') ?? '';
    const type = attribute(tag, 'Type') ?? '';
    if (mode.toLowerCase() === 'external' && !type.endsWith('/hyperlink')) found.push(attribute(tag, 'Target') ?? '');
  }
  return found;
}

const text = (bytes: Uint8Array): string => new TextDecoder('utf-8').decode(bytes);

/** D3 / ASVS 5.2: the format of an opened zip, or why it is refused. */
export async function inspectZip(zip: OpenedZip): Promise<ZipInspection> {
  const { entries, declared } = zip;
  const directoryBytes = entries.reduce((sum, e) => sum + e.directoryBytes, 0);
  if (entries.length !== declared.entries || directoryBytes !== declared.directoryBytes) return { ok: false, problem: 'zip-ongeldig' };
  if (entries.reduce((sum, e) => sum + e.uncompressedSize, 0) > MAX_UNPACKED_BYTES) return { ok: false, problem: 'zip-te-groot' };
  if (entries.some((e) => isMacroPart(e.name))) return { ok: false, problem: 'macro' };

  const docx = entries.some((e) => e.name === '[Content_Types].xml') && entries.some((e) => e.name.startsWith('word/'));
  const format = docx ? 'docx' : (await isOdt(zip)) ? 'odt' : undefined;
  if (format === 'docx') {
    const problem = await checkDocxParts(zip);
    if (problem !== undefined) return { ok: false, problem };
  }
  const inflated = await zip.inflateAll(MAX_UNPACKED_BYTES);
  return inflated === undefined ? { ok: true, format } : { ok: false, problem: inflated };
}

async function checkDocxParts(zip: OpenedZip): Promise<ZipProblem | undefined> {
  for (const entry of zip.entries) {
    const contentTypes = entry.name === '[Content_Types].xml';
    if (!contentTypes && !entry.name.endsWith('.rels')) continue;
    const bytes = await zip.read(entry, MAX_PART_BYTES);
    if (typeof bytes === 'string') return bytes;
    if (contentTypes && /macroEnabled/i.test(text(bytes))) return 'macro';
    if (!contentTypes && externalRelationships(text(bytes)).length > 0) return 'externe-koppeling';
  }
  return undefined;
}

/** An ODT starts with an uncompressed entry `mimetype` holding exactly the text type. */
async function isOdt(zip: OpenedZip): Promise<boolean> {
  const mimetype = zip.entries.find((e) => e.name === 'mimetype');
  if (mimetype === undefined || mimetype.method !== 0 || mimetype.uncompressedSize !== ODT_MIMETYPE.length) return false;
  const bytes = await zip.read(mimetype, ODT_MIMETYPE.length);
  return typeof bytes !== 'string' && new TextDecoder('latin1').decode(bytes) === ODT_MIMETYPE;
}

/**
 * D3 in one place: what an uploaded file must be before it is kept. The check is handed to the
 * blob store, which calls `start` with the first bytes while the upload streams in (so a file of
 * the wrong kind is refused at once) and `complete` with the whole file in its temporary place
 * (the zip directory of a DOCX or ODT is at its end). The attest scan of A2 uses the same check
 * with its own list of formats.
 */
import {
  declaredTypeAgrees,
  detectSignature,
  FILE_FORMATS,
  formatsOfSignature,
  nameAgrees,
  SIGNATURE_BYTES,
  type FileFormat,
  type Signature,
} from './file-formats.ts';
import { PdfScanner, type PdfProblem } from './pdf-content.ts';
import { inspectZip, MAX_ZIP_ENTRIES, type OpenZip, type ReadAt, type ZipProblem } from './zip-container.ts';

/** Why an upload is refused; each has its Dutch message at the field. */
export type UploadProblem = 'geen-bestand' | 'leeg' | 'te-groot' | 'quotum' | 'type-niet-toegelaten' | 'komt-niet-overeen' | 'naam-ongeldig' | ZipProblem | PdfProblem;

/** A PDF is read in chunks of this size for its active content. */
const PDF_CHUNK = 256 * 1024;

/** D3: at most 20 MB. */
export const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;

export type UploadPolicy = Readonly<{ formats: readonly FileFormat[]; maxBytes: number }>;

/** D3: a document in the dossier. */
export const DOCUMENT_UPLOADS: UploadPolicy = { formats: FILE_FORMATS, maxBytes: MAX_DOCUMENT_BYTES };
/** A2: the scan of the attest signed by the client (PDF, JPG or PNG). */
export const ATTEST_SCAN_UPLOADS: UploadPolicy = { formats: ['pdf', 'jpg', 'png'], maxBytes: MAX_DOCUMENT_BYTES };

export type ContentCheck = Readonly<{
  maxBytes: number;
  tooLarge: UploadProblem;
  headBytes: number;
  /** The first `headBytes` bytes (fewer only when the file is shorter; none when it is empty). */
  start(head: Uint8Array): UploadProblem | undefined;
  /** The whole file, `size` bytes, readable at any position. */
  complete(read: ReadAt, size: number): Promise<UploadProblem | undefined>;
  /** The format found, once the check passed. */
  format(): FileFormat | undefined;
}>;

/** `openZip`: the zip library's adapter (storage/zip-reader.ts), for DOCX and ODT. */
export function createContentCheck(policy: UploadPolicy, fileName: string, declaredType: string, openZip: OpenZip): ContentCheck {
  let signature: Signature | undefined;
  let found: FileFormat | undefined;
  const agrees = (format: FileFormat): boolean => nameAgrees(format, fileName) && declaredTypeAgrees(format, declaredType);

  return {
    maxBytes: policy.maxBytes,
    tooLarge: 'te-groot',
    headBytes: SIGNATURE_BYTES,
    start(head) {
      if (head.length === 0) return 'leeg';
      signature = detectSignature(head);
      if (signature === undefined) return 'type-niet-toegelaten';
      const candidates = formatsOfSignature(signature).filter((f) => policy.formats.includes(f));
      if (candidates.length === 0) return 'type-niet-toegelaten';
      if (!candidates.some(agrees)) return 'komt-niet-overeen';
      if (signature !== 'zip') found = candidates[0];
      return undefined;
    },
    async complete(read, size) {
      if (size === 0) return 'leeg';
      if (signature === 'pdf') return found === undefined ? 'type-niet-toegelaten' : scanPdf(read, size);
      if (signature !== 'zip') return found === undefined ? 'type-niet-toegelaten' : undefined;
      const zip = await openZip(read, size, MAX_ZIP_ENTRIES);
      if (typeof zip === 'string') return zip;
      let inspection;
      try {
        inspection = await inspectZip(zip);
      } finally {
        zip.close();
      }
      if (!inspection.ok) return inspection.problem;
      const format = inspection.format;
      if (format === undefined || !policy.formats.includes(format)) return 'type-niet-toegelaten';
      if (!agrees(format)) return 'komt-niet-overeen';
      found = format;
      return undefined;
    },
    format: () => found,
  };
}

/** ASVS 5.2: the whole PDF, read in chunks, for script, launch actions and embedded files. */
async function scanPdf(read: ReadAt, size: number): Promise<PdfProblem | undefined> {
  const scanner = new PdfScanner();
  for (let position = 0; position < size; position += PDF_CHUNK) {
    scanner.feed(await read(position, Math.min(PDF_CHUNK, size - position)));
  }
  return scanner.finish();
}

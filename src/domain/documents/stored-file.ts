/**
 * A file the portal keeps in its blob store, as a row refers to it: a document of the dossier
 * (D3), the scan of a signed attest (A2), and an upload accepted but not yet kept. The bytes
 * never change, so these facts never do either.
 */
export type StoredFile = Readonly<{
  /** The file name as uploaded, made safe (see file-name.ts): no path, no control characters. */
  fileName: string;
  sizeBytes: number;
  /** The media type of the format found in the content (D6), not the one the browser declared. */
  mediaType: string;
  /** The SHA-256 of the bytes: the blob's name in the blob store. */
  sha256: string;
}>;

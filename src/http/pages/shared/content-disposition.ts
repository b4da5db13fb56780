/**
 * D6: `Content-Disposition: attachment` with a safe file name (RFC 6266), written by the
 * `content-disposition` package: the exact name, non-ASCII letters included, in `filename*`
 * (RFC 8187), and for old clients an ASCII `filename` in which letters keep their base letter.
 */
import { create } from 'content-disposition';

export function attachmentDisposition(fileName: string): string {
  return create(fileName, { fallback: asciiFallback(fileName) });
}

/** é → e, other non-ASCII and anything that could end or escape the quoted string → _. */
export function asciiFallback(fileName: string): string {
  const ascii = fileName
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^\x20-\x7e]/g, '_')
    .replace(/["\\%]/g, '_')
    .trim();
  return ascii === '' ? 'document' : ascii;
}

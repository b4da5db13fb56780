/**
 * D6: `Content-Disposition: attachment` with a safe file name (RFC 6266): an ASCII `filename`
 * for old clients and the exact name, non-ASCII letters included, in `filename*` (RFC 8187).
 */

/** Characters RFC 8187's attr-char allows unencoded besides letters and digits. */
const ATTR_CHAR = /[A-Za-z0-9!#$&+\-.^_`|~]/;

export function attachmentDisposition(fileName: string): string {
  return `attachment; filename="${asciiFallback(fileName)}"; filename*=UTF-8''${encodeExtValue(fileName)}`;
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

function encodeExtValue(value: string): string {
  let encoded = '';
  for (const byte of new TextEncoder().encode(value)) {
    const char = String.fromCharCode(byte);
    encoded += byte < 0x80 && ATTR_CHAR.test(char) ? char : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return encoded;
}

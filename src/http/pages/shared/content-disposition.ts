/**
 * D6: `Content-Disposition: attachment` with a safe file name (RFC 6266), written by the
 * `content-disposition` package: the exact name, non-ASCII letters included, in `filename*`
 * (RFC 8187), and for old clients an ASCII `filename` in which letters keep their base letter.
 */
import type { Readable } from 'node:stream';
import { create } from 'content-disposition';
import type { FastifyReply } from 'fastify';

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

/**
 * D6 on the wire: a stored file's original bytes, always as an attachment with its media type,
 * never sniffed, cached or rendered (a sandboxing CSP). For the documents (pages and API) and the
 * attest scans.
 */
export function sendAttachment(
  reply: FastifyReply,
  file: Readonly<{ mediaType: string; fileName: string }>,
  content: Readonly<{ size: number; stream: Readable }>,
): FastifyReply {
  return reply
    .header('Content-Type', file.mediaType)
    .header('Content-Length', String(content.size))
    .header('Content-Disposition', attachmentDisposition(file.fileName))
    .header('X-Content-Type-Options', 'nosniff')
    .header('Cache-Control', 'no-store')
    .header('Content-Security-Policy', "default-src 'none'; sandbox")
    .send(content.stream);
}

/**
 * Files for the document tests (D3), made here in a few bytes: real signatures, real zip
 * containers (DOCX, ODT), and the bad ones of the table (an executable or HTML named
 * .pdf, a zip bomb with a .docx name).
 */
import { crc32, deflateRawSync, deflateSync } from 'node:zlib';

export const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1');
export const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x02\0\0\0', 'latin1')]);
export const JPG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]), Buffer.from('JFIF\0', 'latin1'), Buffer.alloc(32, 1), Buffer.from([0xff, 0xd9])]);
export const DOC = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504, 0)]);
export const EXE = Buffer.concat([Buffer.from('MZ', 'latin1'), Buffer.alloc(126, 0x90), Buffer.from('PE\0\0', 'latin1')]);
export const HTML = Buffer.from('<!DOCTYPE html><html><body><script>alert(1)</script></body></html>', 'utf8');

export type ZipEntryInput = Readonly<{ name: string; data: Buffer; store?: boolean; deflated?: Buffer }>;

/** A zip archive as Word or LibreOffice writes one: local headers, the data, the central directory, its end. */
export function zip(entries: readonly ZipEntryInput[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const stored = entry.store === true;
    const body = stored ? entry.data : (entry.deflated ?? deflateRawSync(entry.data));
    const crc = crc32(entry.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(stored ? 0 : 8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(entry.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(stored ? 0 : 8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(entry.data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += local.length + name.length + body.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const xml = (text: string): Buffer => Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>${text}`, 'utf8');

const DOCX_ENTRIES: ZipEntryInput[] = [
  { name: '[Content_Types].xml', data: xml('<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>') },
  { name: '_rels/.rels', data: xml('<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>') },
  { name: 'word/document.xml', data: xml('<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Actieplan</w:t></w:r></w:p></w:body></w:document>') },
];

export const DOCX = zip(DOCX_ENTRIES);

export const ODT = zip([
  { name: 'mimetype', data: Buffer.from('application/vnd.oasis.opendocument.text', 'ascii'), store: true },
  { name: 'content.xml', data: xml('<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"/>') },
  { name: 'META-INF/manifest.xml', data: xml('<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"/>') },
]);

/** A zip that is neither: no Word parts, no ODF mimetype. */
export const PLAIN_ZIP = zip([{ name: 'readme.txt', data: Buffer.from('hallo', 'utf8') }]);

/** D3: a DOCX whose parts unpack to more than 100 MB (61 × 2 MB of zeros, a few kB packed). */
export function zipBombDocx(): Buffer {
  const zeros = Buffer.alloc(2 * 1024 * 1024);
  const deflated = deflateRawSync(zeros, { level: 9 });
  const filler = Array.from({ length: 61 }, (_, i) => ({ name: `word/media/image${i}.bin`, data: zeros, deflated }));
  return zip([...DOCX_ENTRIES, ...filler]);
}

/** D3: a DOCX of 1,001 entries. */
export function crowdedDocx(): Buffer {
  const tiny = Buffer.from('x', 'utf8');
  const filler = Array.from({ length: 1001 - DOCX_ENTRIES.length }, (_, i) => ({ name: `word/part${i}.xml`, data: tiny, store: true }));
  return zip([...DOCX_ENTRIES, ...filler]);
}

/** A PDF of the given size: a real header, then padding. */
export function pdfOfSize(bytes: number): Buffer {
  const file = Buffer.alloc(bytes, 0x20);
  PDF.copy(file, 0, 0, Math.min(PDF.length, bytes));
  return file;
}

export const MEDIA_TYPES = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  doc: 'application/msword',
  odt: 'application/vnd.oasis.opendocument.text',
  jpg: 'image/jpeg',
  png: 'image/png',
} as const;

export type MultipartPart =
  | Readonly<{ name: string; value: string }>
  | Readonly<{ name: string; fileName: string; contentType: string; data: Buffer }>;

export const BOUNDARY = '----lbp-test-boundary-7MA4YWxkTrZu0gW';

/** A multipart/form-data body as a browser sends it, parts in the given order. */
export function multipartBody(parts: readonly MultipartPart[], boundary = BOUNDARY): Buffer {
  const chunks: Buffer[] = [];
  for (const part of parts) {
    if ('value' in part) {
      chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${part.name}"\r\n\r\n${part.value}\r\n`, 'utf8'));
    } else {
      const name = part.fileName.replace(/"/g, '%22');
      chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${part.name}"; filename="${name}"\r\nContent-Type: ${part.contentType}\r\n\r\n`, 'utf8'));
      chunks.push(part.data, Buffer.from('\r\n', 'utf8'));
    }
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`, 'utf8'));
  return Buffer.concat(chunks);
}

// ---- Hostile uploads of ASVS 5.2 (issue 13 item 5) ----

/** A DOCX with one more part. */
export function docxWith(...extra: ZipEntryInput[]): Buffer {
  return zip([...DOCX_ENTRIES, ...extra]);
}

/** A DOCX whose part declares 1 kB but inflates to 32 MB: the directory's sizes are not trusted. */
export function understatedDocx(): Buffer {
  const deflated = deflateRawSync(Buffer.alloc(32 * 1024 * 1024), { level: 9 });
  return docxWith({ name: 'word/media/image1.png', data: Buffer.alloc(1024), deflated });
}

/** A DOCX whose relationships point outside the file, of the given type (`attachedTemplate`, `hyperlink`). */
export function docxLinkingOut(type: string): Buffer {
  const rels = `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/${type}" Target="http://voorbeeld.test/x" TargetMode="External"/></Relationships>`;
  return docxWith({ name: 'word/_rels/document.xml.rels', data: xml(rels) });
}

/** A DOCX whose content types say it carries macros (a .docm renamed). */
export const MACRO_ENABLED_DOCX = zip([
  { name: '[Content_Types].xml', data: xml('<Types><Override PartName="/word/document.xml" ContentType="application/vnd.ms-word.document.macroEnabled.main+xml"/></Types>') },
  ...DOCX_ENTRIES.slice(1),
]);

/** An ODT with a Basic macro library. */
export const ODT_WITH_BASIC = zip([
  { name: 'mimetype', data: Buffer.from('application/vnd.oasis.opendocument.text', 'ascii'), store: true },
  { name: 'content.xml', data: xml('<office:document-content/>') },
  { name: 'Basic/Standard/Module1.xml', data: xml('<script:module>Sub Main\nShell("calc")\nEnd Sub</script:module>') },
]);

/** A PDF with the given objects between its header and its end. */
export function pdfWith(objects: string | Buffer): Buffer {
  return Buffer.concat([Buffer.from('%PDF-1.7\n', 'latin1'), Buffer.from(objects), Buffer.from('\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1')]);
}

/** A PDF whose objects are packed in a compressed object stream (PDF 1.5), holding `objects`. */
export function pdfWithObjectStream(objects: string): Buffer {
  const packed = deflateSync(Buffer.from(objects, 'latin1'));
  return pdfWith(Buffer.concat([
    Buffer.from(`1 0 obj << /Type /Catalog >> endobj\n2 0 obj << /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode /Length ${String(packed.length)} >>\nstream\n`, 'latin1'),
    packed,
    Buffer.from('\nendstream\nendobj', 'latin1'),
  ]));
}

/** A PDF with an image stream whose (binary) data happens to hold `/JS `: not an action. */
export const PDF_WITH_BINARY_STREAM = pdfWith(Buffer.concat([
  Buffer.from('1 0 obj << /Type /XObject /Subtype /Image /Length 12 >>\nstream\n', 'latin1'),
  Buffer.from([0x2f, 0x4a, 0x53, 0x20, 0x00, 0xff, 0x2f, 0x4c, 0x61, 0x75, 0x6e, 0x63]),
  Buffer.from('\nendstream\nendobj', 'latin1'),
]));

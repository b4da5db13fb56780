/**
 * D3: the file formats a document may have, recognised by their content (magic bytes), and the
 * names and declared types that go with each. The extension of the name and the type the browser
 * declared must agree with what the content is.
 */
export const FILE_FORMATS = ['pdf', 'docx', 'doc', 'odt', 'jpg', 'png'] as const;
export type FileFormat = (typeof FILE_FORMATS)[number];

export type FormatInfo = Readonly<{
  /** How the format is named to the user. */
  label: string;
  /** The media type the file is stored and sent with (D6). */
  mediaType: string;
  extensions: readonly string[];
  /** Types a browser may declare for it. */
  declaredTypes: readonly string[];
}>;

export const FORMAT_INFO: Readonly<Record<FileFormat, FormatInfo>> = {
  pdf: { label: 'PDF', mediaType: 'application/pdf', extensions: ['pdf'], declaredTypes: ['application/pdf', 'application/x-pdf'] },
  docx: {
    label: 'DOCX',
    mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extensions: ['docx'],
    declaredTypes: ['application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
  },
  doc: { label: 'DOC', mediaType: 'application/msword', extensions: ['doc'], declaredTypes: ['application/msword'] },
  odt: {
    label: 'ODT',
    mediaType: 'application/vnd.oasis.opendocument.text',
    extensions: ['odt'],
    declaredTypes: ['application/vnd.oasis.opendocument.text'],
  },
  jpg: { label: 'JPG', mediaType: 'image/jpeg', extensions: ['jpg', 'jpeg'], declaredTypes: ['image/jpeg', 'image/pjpeg'] },
  png: { label: 'PNG', mediaType: 'image/png', extensions: ['png'], declaredTypes: ['image/png', 'image/x-png'] },
};

/**
 * Types that declare nothing: a browser sends them for a file whose type its system does not
 * know (a .docx on a computer without Office). The extension must still agree with the content.
 */
const UNDECLARED_TYPES: readonly string[] = ['', 'application/octet-stream', 'binary/octet-stream'];

/** What the first bytes say. A zip is a DOCX or an ODT or neither: its directory decides. */
export type Signature = 'pdf' | 'ole2' | 'zip' | 'jpg' | 'png';

/** The number of first bytes the signatures need. */
export const SIGNATURE_BYTES = 8;

const SIGNATURES: readonly (readonly [Signature, readonly number[]])[] = [
  ['pdf', [0x25, 0x50, 0x44, 0x46, 0x2d]], // %PDF-
  ['png', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
  ['jpg', [0xff, 0xd8, 0xff]],
  ['ole2', [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]], // the compound file of Word 97–2003
  ['zip', [0x50, 0x4b, 0x03, 0x04]], // PK\x03\x04, a local file header
];

export function detectSignature(head: Uint8Array): Signature | undefined {
  for (const [signature, bytes] of SIGNATURES) {
    if (head.length >= bytes.length && bytes.every((b, i) => head[i] === b)) return signature;
  }
  return undefined;
}

/** The formats a signature can stand for. */
export function formatsOfSignature(signature: Signature): readonly FileFormat[] {
  switch (signature) {
    case 'pdf':
      return ['pdf'];
    case 'ole2':
      return ['doc'];
    case 'zip':
      return ['docx', 'odt'];
    case 'jpg':
      return ['jpg'];
    case 'png':
      return ['png'];
  }
}

/** The extension of a file name, lower case, without the dot; '' when it has none. */
export function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot <= 0 || dot === fileName.length - 1 ? '' : fileName.slice(dot + 1).toLowerCase();
}

/** The declared media type without parameters, lower case. */
export function essenceOf(declaredType: string): string {
  return (declaredType.split(';')[0] ?? '').trim().toLowerCase();
}

export function nameAgrees(format: FileFormat, fileName: string): boolean {
  return FORMAT_INFO[format].extensions.includes(extensionOf(fileName));
}

export function declaredTypeAgrees(format: FileFormat, declaredType: string): boolean {
  const essence = essenceOf(declaredType);
  return UNDECLARED_TYPES.includes(essence) || FORMAT_INFO[format].declaredTypes.includes(essence);
}

/** "PDF, DOCX, DOC, ODT, JPG of PNG": the formats in words, for messages. */
export function formatList(formats: readonly FileFormat[]): string {
  const labels = formats.map((f) => FORMAT_INFO[f].label);
  return labels.length <= 1 ? (labels[0] ?? '') : `${labels.slice(0, -1).join(', ')} of ${labels.at(-1) ?? ''}`;
}

/**
 * The file name as uploaded, made safe to store and to send back in Content-Disposition (D6).
 * Path parts are stripped (older browsers send `C:\fakepath\plan.pdf`); non-ASCII letters are
 * kept. A name that climbs out of its folder (`../../x.pdf`) or holds control characters is not
 * something a person chose: it is refused rather than repaired.
 */

export const FILE_NAME_MAX = 255;

export type FileNameResult = { ok: true; name: string } | { ok: false };

/** C0 and C1 control characters and DEL. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what this finds
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/u;
/** Characters that reorder or hide text (bidi overrides, zero-width), used to disguise extensions. */
const INVISIBLE = /[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/gu;

export function sanitiseFileName(raw: string): FileNameResult {
  if (CONTROL.test(raw)) return { ok: false };
  const parts = raw.split(/[/\\]/);
  if (parts.some((part) => part.trim() === '..')) return { ok: false };
  const base = (parts.at(-1) ?? '').normalize('NFC').replace(INVISIBLE, '').replace(/\s+/gu, ' ').trim();
  if (base === '' || base === '.' || /^\.+$/.test(base)) return { ok: false };
  return { ok: true, name: shorten(base) };
}

/** Keeps the extension when a name is longer than FILE_NAME_MAX characters. */
function shorten(name: string): string {
  const chars = Array.from(name);
  if (chars.length <= FILE_NAME_MAX) return name;
  const dot = name.lastIndexOf('.');
  const extension = dot > 0 ? Array.from(name.slice(dot)) : [];
  if (extension.length > 16) return chars.slice(0, FILE_NAME_MAX).join('');
  return chars.slice(0, FILE_NAME_MAX - extension.length).join('') + extension.join('');
}

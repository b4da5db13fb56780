/**
 * Text for the PDFs made with pdf-lib ("CV afdrukken", "Attest afdrukken"): the standard Helvetica
 * fonts encode WinAnsi (Latin-1 and a few more), which covers Dutch, French and German names; any
 * other character is written without its accent, or as "?", never dropped silently.
 */
import type { PDFFont } from 'pdf-lib';

/** Letters that Unicode does not decompose into a base letter and an accent. */
const LOOKALIKES: Readonly<Record<string, string>> = { Ł: 'L', ł: 'l', Đ: 'D', đ: 'd', Ħ: 'H', ħ: 'h', ı: 'i', Ŀ: 'L', ŀ: 'l', Ø: 'O', ø: 'o', ß: 'ss', Æ: 'AE', æ: 'ae', Œ: 'OE', œ: 'oe' };

/** The character without its accent (é → e, Ł → L); itself when it has none. */
export function withoutAccent(char: string): string {
  return LOOKALIKES[char] ?? char.normalize('NFD').replace(/\p{M}/gu, '');
}

/** Text the font can encode: unknown characters lose their accent, or become "?". */
export function winAnsiSafe(font: PDFFont, text: string): string {
  const supported = new Set(font.getCharacterSet());
  // Per code point, as the font encodes them (a string iterates by code point).
  const encodable = (value: string) => value !== '' && Array.from(value).every((c) => supported.has(c.codePointAt(0) ?? 0));
  let out = '';
  for (const char of text.replace(/[\r\n\t]+/g, ' ')) {
    if (encodable(char)) out += char;
    else out += encodable(withoutAccent(char)) ? withoutAccent(char) : '?';
  }
  return out;
}

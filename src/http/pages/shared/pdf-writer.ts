/**
 * Text that flows on A4 for the printed PDFs ("Attest afdrukken", "CV afdrukken"), made with
 * pdf-lib, which draws text but does not lay it out. Every line is measured with the font's own
 * widths (`widthOfTextAtSize`) and broken between words, a word wider than the line between its
 * characters; each line moves the pen down by its own height, so no line is drawn over another;
 * what does not fit above the bottom margin goes onto a new page (issue 15 defect 4).
 */
import { PDFDocument, rgb, StandardFonts, type PDFFont, type PDFPage, type RGB } from 'pdf-lib';
import { winAnsiSafe } from './pdf-text.ts';

export const A4: readonly [number, number] = [595.28, 841.89];
/** White space at every edge of the page: 2 cm. */
export const MARGIN = 56;
export const BRAND = rgb(0.114, 0.31, 0.361);
export const MUTED = rgb(0.3, 0.3, 0.3);
const BLACK = rgb(0, 0, 0);

/** Helvetica's descender, as a fraction of the font size: the baseline sits this far above a line's bottom. */
const DESCENT = 0.207;
/** The distance between two baselines of one paragraph, as a factor of the font size. */
const LEADING = 1.35;
/** Room kept free above the bottom margin for the page footer. */
const FOOTER_ROOM = 24;
const FOOTER_SIZE = 8;

export type TextOptions = Readonly<{ size?: number; bold?: boolean; color?: RGB; indent?: number; after?: number }>;

/** Breaks `text` into lines of at most `width` points: between words, inside a word only when it is wider than a line. */
export function wrapText(text: string, font: PDFFont, size: number, width: number): string[] {
  const fits = (value: string) => font.widthOfTextAtSize(value, size) <= width;
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ').filter((w) => w !== '')) {
    const candidate = line === '' ? word : `${line} ${word}`;
    if (fits(candidate)) {
      line = candidate;
      continue;
    }
    if (line !== '') lines.push(line);
    // A word wider than the line: as many characters as fit, then the rest on the next line.
    let rest = word;
    while (!fits(rest)) {
      const chars = Array.from(rest);
      let take = 1;
      while (take < chars.length && fits(chars.slice(0, take + 1).join(''))) take++;
      lines.push(chars.slice(0, take).join(''));
      rest = chars.slice(take).join('');
    }
    line = rest;
  }
  if (line !== '' || lines.length === 0) lines.push(line);
  return lines;
}

/** Writes top-down on A4 pages within the margins, starting a new page when one is full. */
export class PdfWriter {
  readonly doc: PDFDocument;
  readonly regular: PDFFont;
  readonly bold: PDFFont;
  #page: PDFPage;
  /** The pen: the lowest point drawn so far on the current page. */
  #y: number;

  private constructor(doc: PDFDocument, regular: PDFFont, bold: PDFFont) {
    this.doc = doc;
    this.regular = regular;
    this.bold = bold;
    this.#page = doc.addPage([...A4]);
    this.#y = A4[1] - MARGIN;
  }

  static async create(meta: { title: string; creator: string }): Promise<PdfWriter> {
    const doc = await PDFDocument.create();
    doc.setTitle(meta.title);
    doc.setLanguage('nl-BE');
    doc.setCreator(meta.creator);
    doc.setProducer(meta.creator);
    return new PdfWriter(doc, await doc.embedFont(StandardFonts.Helvetica), await doc.embedFont(StandardFonts.HelveticaBold));
  }

  /** The width between the left and right margins. */
  get width(): number {
    return A4[0] - 2 * MARGIN;
  }

  get page(): PDFPage {
    return this.#page;
  }

  /** The lowest point the content may reach: the bottom margin plus the footer's room. */
  get #bottom(): number {
    return MARGIN + FOOTER_ROOM;
  }

  /** Starts a new page unless `height` points still fit on this one. */
  ensureRoom(height: number): void {
    if (this.#y - height < this.#bottom && this.#y < A4[1] - MARGIN) {
      this.#page = this.doc.addPage([...A4]);
      this.#y = A4[1] - MARGIN;
    }
  }

  space(points: number): void {
    this.#y -= points;
  }

  #font(options: TextOptions): PDFFont {
    return options.bold === true ? this.bold : this.regular;
  }

  /** The lines `text` takes at `width` (the page width less the indent by default). */
  lines(text: string, options: TextOptions = {}, width = this.width - (options.indent ?? 0)): string[] {
    const font = this.#font(options);
    return wrapText(winAnsiSafe(font, text), font, options.size ?? 10.5, width);
  }

  /** The height a paragraph takes. */
  height(text: string, options: TextOptions = {}): number {
    return this.lines(text, options).length * (options.size ?? 10.5) * LEADING + (options.after ?? 2);
  }

  /** A paragraph, wrapped at the page width; `indent` moves it right. */
  text(text: string, options: TextOptions = {}): void {
    const size = options.size ?? 10.5;
    const font = this.#font(options);
    for (const line of this.lines(text, options)) {
      this.ensureRoom(size * LEADING);
      this.#y -= size * LEADING;
      this.#page.drawText(line, { x: MARGIN + (options.indent ?? 0), y: this.#y + size * DESCENT, size, font, color: options.color ?? BLACK });
    }
    this.#y -= options.after ?? 2;
  }

  /** A section title with a rule under it, kept on the page of what follows. */
  heading(text: string): void {
    this.ensureRoom(60);
    this.#y -= 10;
    this.text(text, { size: 13, bold: true, color: BRAND, after: 3 });
    this.#page.drawLine({ start: { x: MARGIN, y: this.#y }, end: { x: MARGIN + this.width, y: this.#y }, thickness: 0.75, color: BRAND });
    this.#y -= 6;
  }

  /** A label and its value side by side; either wraps in its own column and the row is as high as the longer. */
  row(label: string, value: string, options: { labelWidth: number; size?: number; after?: number }): void {
    const size = options.size ?? 11;
    const gap = 10;
    const labelLines = this.lines(label, { size, bold: true }, options.labelWidth - gap);
    const valueLines = this.lines(value, { size }, this.width - options.labelWidth);
    const lineHeight = size * LEADING;
    const count = Math.max(labelLines.length, valueLines.length);
    // A row of a few lines stays together; a longer one may continue on the next page.
    if (count <= 4) this.ensureRoom(count * lineHeight);
    for (let i = 0; i < count; i++) {
      this.ensureRoom(lineHeight);
      this.#y -= lineHeight;
      const baseline = this.#y + size * DESCENT;
      const labelLine = labelLines[i];
      const valueLine = valueLines[i];
      if (labelLine !== undefined) this.#page.drawText(labelLine, { x: MARGIN, y: baseline, size, font: this.bold });
      if (valueLine !== undefined) this.#page.drawText(valueLine, { x: MARGIN + options.labelWidth, y: baseline, size, font: this.regular });
    }
    this.#y -= options.after ?? 5;
  }

  /**
   * A drawing of a fixed height (boxes to fill in by hand), kept whole on one page; `draw` gets the
   * page and the top of the room, and the pen moves below it.
   */
  block(height: number, draw: (page: PDFPage, top: number) => void): void {
    this.ensureRoom(height);
    draw(this.#page, this.#y);
    this.#y -= height;
  }

  /** A footer on every page, wrapped above the bottom edge, within the margins. */
  footer(text: (pageNumber: number, pageCount: number) => string): void {
    const pages = this.doc.getPages();
    const lineHeight = FOOTER_SIZE * LEADING;
    pages.forEach((page, index) => {
      const lines = this.lines(text(index + 1, pages.length), { size: FOOTER_SIZE });
      // The last line sits 20 points below the bottom margin, the others above it.
      lines.forEach((line, i) => {
        const y = MARGIN - 20 + (lines.length - 1 - i) * lineHeight;
        page.drawText(line, { x: MARGIN, y, size: FOOTER_SIZE, font: this.regular, color: MUTED });
      });
    });
  }

  save(): Promise<Uint8Array> {
    return this.doc.save();
  }
}

/**
 * Reads back what a generated PDF shows and where (issue 15 defect 4): the text runs of each page
 * with their boxes, extracted by PDF.js (pdfjs-dist, the viewer of Firefox), which knows nothing
 * of how our code laid the text out. Boxes are in PDF points, origin at the bottom left.
 */
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export type TextBox = Readonly<{ page: number; text: string; left: number; right: number; bottom: number; top: number }>;
export type PdfPage = Readonly<{ number: number; width: number; height: number; boxes: TextBox[] }>;

const num = (value: unknown): number => (typeof value === 'number' ? value : 0);

/** The text runs of every page; a run's box spans its glyphs from descender to ascender. */
export async function textBoxes(pdf: Uint8Array): Promise<PdfPage[]> {
  // PDF.js may take the buffer over; it gets a copy.
  const loading = getDocument({ data: new Uint8Array(pdf), useSystemFonts: false, verbosity: 0 });
  const document = await loading.promise;
  try {
    const pages: PdfPage[] = [];
    for (let number = 1; number <= document.numPages; number++) {
      const page = await document.getPage(number);
      const [x0 = 0, y0 = 0, x1 = 0, y1 = 0] = page.view.map(num);
      const content = await page.getTextContent();
      const boxes: TextBox[] = [];
      for (const item of content.items) {
        if (!('str' in item) || item.str.trim() === '') continue;
        const transform: unknown[] = item.transform;
        const [size, x, y] = [Math.abs(num(transform[3])), num(transform[4]), num(transform[5])];
        // Helvetica: descender 0.207 and ascender 0.718 of the font size (its metrics).
        boxes.push({ page: number, text: item.str, left: x, right: x + item.width, bottom: y - 0.207 * size, top: y + 0.718 * size });
      }
      pages.push({ number, width: x1 - x0, height: y1 - y0, boxes });
    }
    return pages;
  } finally {
    await loading.destroy();
  }
}

/** The text of the whole document, runs joined by spaces, whitespace made single. */
export function allText(pages: readonly PdfPage[]): string {
  return pages
    .flatMap((p) => p.boxes.map((b) => b.text))
    .join(' ')
    .replace(/\s+/g, ' ');
}

const overlap = (a: TextBox, b: TextBox): boolean => a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.bottom < b.top - 0.5 && b.bottom < a.top - 0.5;

/** Pairs of runs on the same page whose boxes cover each other (more than half a point). */
export function overlappingRuns(pages: readonly PdfPage[]): string[] {
  const found: string[] = [];
  for (const page of pages) {
    page.boxes.forEach((a, i) => {
      for (const b of page.boxes.slice(i + 1)) {
        if (overlap(a, b)) found.push(`page ${page.number}: "${a.text}" over "${b.text}"`);
      }
    });
  }
  return found;
}

/** Runs that reach into the page's margin of `margin` points, or off the page. */
export function runsOutsideMargins(pages: readonly PdfPage[], margin: number): string[] {
  return pages.flatMap((page) =>
    page.boxes
      .filter((b) => b.left < margin || b.right > page.width - margin || b.bottom < margin || b.top > page.height - margin)
      .map((b) => `page ${page.number}: "${b.text}" at ${b.left.toFixed(1)}–${b.right.toFixed(1)} × ${b.bottom.toFixed(1)}–${b.top.toFixed(1)}`),
  );
}

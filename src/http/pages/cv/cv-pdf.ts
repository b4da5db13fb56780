/**
 * "CV afdrukken" (K2): the CV as a clean A4 PDF, made with pdf-lib. The standard Helvetica fonts
 * encode WinAnsi (Latin-1 and a few more), which covers Dutch, French and German names; any
 * other character is written without its accent, or as "?", never dropped silently.
 */
import { PDFDocument, rgb, StandardFonts, type PDFFont, type PDFPage } from 'pdf-lib';
import { formatDate } from '../../../domain/calendar-date.ts';
import { fullName } from '../../../domain/clients.ts';
import { EXPERIENCE_LABELS, WORK_REGIME_LABELS, REGION_LABELS } from '../../../domain/dossier/desired-jobs.ts';
import type { CvForPrint } from '../../../services/dossier-upkeep/cv-service.ts';
import { messages } from '../../messages.ts';
import { addressOf } from '../profile/profile-presenter.ts';
import { educationRow, languageRow, workRow } from './cv-presenter.ts';
import { winAnsiSafe, withoutAccent } from '../shared/pdf-text.ts';

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 56;
const BRAND = rgb(0.114, 0.31, 0.361);
const MUTED = rgb(0.3, 0.3, 0.3);

/** Writes lines top-down, starting a new page when one is full. */
class Writer {
  readonly #doc: PDFDocument;
  readonly #regular: PDFFont;
  readonly #bold: PDFFont;
  #page: PDFPage;
  #y: number;

  constructor(doc: PDFDocument, regular: PDFFont, bold: PDFFont) {
    this.#doc = doc;
    this.#regular = regular;
    this.#bold = bold;
    this.#page = doc.addPage(A4);
    this.#y = A4[1] - MARGIN;
  }

  get width(): number {
    return A4[0] - 2 * MARGIN;
  }

  #room(height: number): void {
    if (this.#y - height < MARGIN + 24) {
      this.#page = this.#doc.addPage(A4);
      this.#y = A4[1] - MARGIN;
    }
  }

  /** A paragraph, wrapped at the page width; `indent` moves it right. */
  text(text: string, options: { size?: number; bold?: boolean; color?: ReturnType<typeof rgb>; indent?: number; after?: number } = {}): void {
    const size = options.size ?? 10.5;
    const font = options.bold === true ? this.#bold : this.#regular;
    const indent = options.indent ?? 0;
    const lineHeight = size * 1.35;
    for (const line of this.#wrap(winAnsiSafe(font, text), font, size, this.width - indent)) {
      this.#room(lineHeight);
      this.#y -= lineHeight;
      this.#page.drawText(line, { x: MARGIN + indent, y: this.#y, size, font, color: options.color ?? rgb(0, 0, 0) });
    }
    this.#y -= options.after ?? 2;
  }

  heading(text: string): void {
    this.#room(40);
    this.#y -= 10;
    this.text(text, { size: 13, bold: true, color: BRAND, after: 3 });
    this.#page.drawLine({ start: { x: MARGIN, y: this.#y }, end: { x: MARGIN + this.width, y: this.#y }, thickness: 0.75, color: BRAND });
    this.#y -= 6;
  }

  #wrap(text: string, font: PDFFont, size: number, width: number): string[] {
    const lines: string[] = [];
    let line = '';
    for (const word of text.split(' ')) {
      const candidate = line === '' ? word : `${line} ${word}`;
      if (font.widthOfTextAtSize(candidate, size) <= width || line === '') line = candidate;
      else {
        lines.push(line);
        line = word;
      }
    }
    lines.push(line);
    return lines;
  }
}

export async function renderCvPdf(cv: CvForPrint): Promise<Uint8Array> {
  const { client } = cv.dossier;
  const doc = await PDFDocument.create();
  const name = fullName(client);
  doc.setTitle(`Curriculum vitae ${name}`);
  doc.setLanguage('nl-BE');
  doc.setProducer(messages.common.serviceName);
  doc.setCreator(messages.common.serviceName);
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const w = new Writer(doc, regular, bold);

  w.text('Curriculum vitae', { size: 11, color: MUTED });
  w.text(name, { size: 22, bold: true, color: BRAND, after: 6 });
  const contact = [addressOf(client), client.phone ?? '', client.email ?? ''].filter((part) => part !== '');
  if (contact.length > 0) w.text(contact.join('  ·  '), { color: MUTED, after: 4 });

  if (cv.desiredJobs.length > 0 || cv.availability?.availableFrom) {
    w.heading('Gewenste jobs');
    for (const job of cv.desiredJobs) {
      w.text(job.occupationTitle, { bold: true });
      w.text(`Ervaring: ${EXPERIENCE_LABELS[job.experience]} · ${WORK_REGIME_LABELS[job.regime]} · ${job.regions.map((r) => REGION_LABELS[r]).join(', ')}`, { indent: 12, after: 4 });
    }
    if (cv.availability?.availableFrom) w.text(`Beschikbaar vanaf ${formatDate(cv.availability.availableFrom)}`, { after: 4 });
  }

  w.heading('Werkervaring');
  if (cv.workExperiences.length === 0) w.text('Geen werkervaring opgegeven.', { color: MUTED });
  for (const item of cv.workExperiences.map(workRow)) {
    w.text(`${item.from} – ${item.until}`, { color: MUTED, after: 0 });
    w.text(`${item.jobTitle}, ${item.employer}`, { bold: true, after: 6 });
  }

  w.heading('Opleidingen');
  if (cv.educations.length === 0) w.text('Geen opleidingen opgegeven.', { color: MUTED });
  for (const item of cv.educations.map(educationRow)) {
    w.text(`${item.field} (${item.level})`, { bold: true, after: 0 });
    const details = [item.institution, item.year, item.diploma === 'Ja' ? 'diploma behaald' : 'geen diploma'].filter((part) => part !== '');
    w.text(details.join(' · '), { color: MUTED, after: 6 });
  }

  if (cv.languages.length > 0) {
    w.heading('Talen');
    for (const item of cv.languages.map(languageRow)) {
      const [understanding, speaking, reading, writing] = item.levels;
      w.text(item.language, { bold: true, after: 0 });
      w.text(`Begrijpen: ${understanding ?? ''} · Spreken: ${speaking ?? ''} · Lezen: ${reading ?? ''} · Schrijven: ${writing ?? ''}`, { indent: 12, after: 4 });
    }
  }

  w.heading('Rijbewijzen');
  w.text(cv.drivingLicences.categories.length === 0 ? 'Geen rijbewijs' : cv.drivingLicences.categories.join(', '));

  if (cv.competences.length > 0) {
    w.heading('Competenties');
    for (const competence of cv.competences) w.text(`• ${competence.text}`, { indent: 4, after: 1 });
  }

  const pages = doc.getPages();
  pages.forEach((page, index) => {
    const footer = winAnsiSafe(regular, `${name} · afgedrukt op ${formatDate(cv.printedOn)} · pagina ${index + 1} van ${pages.length}`);
    page.drawText(footer, { x: MARGIN, y: MARGIN - 24, size: 8, font: regular, color: MUTED });
  });
  return doc.save();
}

/** A file name without personal characters a browser or file system might trip over. */
export function cvFileName(cv: CvForPrint): string {
  const slug = Array.from(`${cv.dossier.client.familyName}-${cv.dossier.client.firstName}`, withoutAccent)
    .join('')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase();
  return `cv-${slug === '' ? 'klant' : slug}.pdf`;
}

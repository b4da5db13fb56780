/**
 * "Attest afdrukken" (A2): the attest outplacement filled in with the data the partner typed,
 * with room for the client's signature and the date, to be signed and scanned. pdf-lib with the
 * standard Helvetica fonts; text the font cannot encode loses its accent (shared/pdf-text.ts).
 */
import { PDFDocument, rgb, StandardFonts, type PDFFont, type PDFPage } from 'pdf-lib';
import type { NewRequestInput } from '../../../domain/attests/attest-request.ts';
import { formatDate } from '../../../domain/calendar-date.ts';
import { formatInsz, parseInsz } from '../../../domain/insz.ts';
import { winAnsiSafe } from '../shared/pdf-text.ts';
import { REGIME_LABELS } from '../../../domain/clients.ts';

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 56;
const BRAND = rgb(0.114, 0.31, 0.361);
const MUTED = rgb(0.3, 0.3, 0.3);

export type AttestForPrint = NewRequestInput & Readonly<{ organisationName: string; officeLabel: string | null }>;

export async function renderAttestPdf(attest: AttestForPrint): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle('Attest outplacementbegeleiding');
  doc.setCreator('Loopbaanportaal');
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const page = doc.addPage(A4);
  let y = A4[1] - MARGIN;
  const write = (text: string, font: PDFFont, size: number, color = rgb(0, 0, 0), p: PDFPage = page) => {
    p.drawText(winAnsiSafe(font, text), { x: MARGIN, y, size, font, color, maxWidth: A4[0] - 2 * MARGIN, lineHeight: size * 1.3 });
    y -= size * 1.6;
  };

  write('Attest outplacementbegeleiding', bold, 18, BRAND);
  write('Voor toegang van de outplacementpartner tot het klantendossier', regular, 10, MUTED);
  y -= 10;

  const parsed = parseInsz(attest.insz);
  const rows: [string, string][] = [
    ['INSZ', parsed.ok ? formatInsz(parsed.insz) : attest.insz],
    ['Familienaam', attest.familyName],
    ['Voornaam', attest.firstName],
    ['Geboortedatum', formatDate(attest.birthDate)],
    ['Regime', REGIME_LABELS[attest.regime]],
    ['Startdatum begeleiding', formatDate(attest.startDate)],
    ['Einddatum begeleiding', formatDate(attest.endDate)],
    ['Outplacementpartner', attest.officeLabel === null ? attest.organisationName : `${attest.organisationName}, ${attest.officeLabel}`],
  ];
  for (const [label, value] of rows) {
    page.drawText(winAnsiSafe(bold, label), { x: MARGIN, y, size: 11, font: bold });
    page.drawText(winAnsiSafe(regular, value), { x: MARGIN + 170, y, size: 11, font: regular, maxWidth: A4[0] - 2 * MARGIN - 170 });
    y -= 20;
  }
  y -= 14;
  write(
    'Ik, ondergetekende, verklaar dat ik kies voor een begeleiding outplacement door de bovenvermelde partner in de vermelde periode,',
    regular,
    10,
  );
  write('en dat deze partner daarvoor toegang krijgt tot mijn klantendossier tot de begeleiding is afgerond.', regular, 10);
  y -= 30;

  // Room for the signature and the date, to be filled in by hand.
  const box = (label: string, x: number, width: number) => {
    page.drawText(label, { x, y: y + 6, size: 10, font: bold });
    page.drawRectangle({ x, y: y - 80, width, height: 76, borderColor: MUTED, borderWidth: 0.8 });
  };
  box('Datum', MARGIN, 150);
  box('Handtekening van de klant', MARGIN + 180, A4[0] - 2 * MARGIN - 180);
  y -= 110;
  write('Stuur het ondertekende origineel naar het secretariaat van de sociale interventiedienst', regular, 9, MUTED);
  write('en voeg de scan toe aan je aanvraag in het Loopbaanportaal (Toegang aanvragen).', regular, 9, MUTED);
  return doc.save();
}

export function attestFileName(attest: Pick<NewRequestInput, 'familyName'>): string {
  const ascii = attest.familyName.normalize('NFKD').replace(/\p{M}/gu, '').replace(/[^A-Za-z0-9-]+/g, '-').replace(/^-|-$/g, '');
  return `attest-outplacement-${ascii === '' ? 'klant' : ascii}.pdf`;
}

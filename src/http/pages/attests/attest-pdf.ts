/**
 * "Attest afdrukken" (A2): the attest outplacement filled in with the data the partner typed,
 * with room for the client's signature and the date, to be signed and scanned. pdf-lib with the
 * standard Helvetica fonts; text the font cannot encode loses its accent (shared/pdf-text.ts).
 * Every text is measured and wrapped by shared/pdf-writer.ts, so long names and the declaration
 * flow on the page instead of running over each other (issue 15 defect 4).
 */
import type { NewRequestInput } from '../../../domain/attests/attest-request.ts';
import { formatDate } from '../../../domain/calendar-date.ts';
import { formatInsz, parseInsz } from '../../../domain/insz.ts';
import { REGIME_LABELS } from '../../../domain/clients.ts';
import { messages } from '../../messages/index.ts';
import { BRAND, MARGIN, MUTED, PdfWriter } from '../shared/pdf-writer.ts';

export type AttestForPrint = NewRequestInput & Readonly<{ organisationName: string; officeLabel: string | null }>;

const DECLARATION =
  'Ik, ondergetekende, verklaar dat ik kies voor een begeleiding outplacement door de bovenvermelde partner in de vermelde periode, ' +
  'en dat deze partner daarvoor toegang krijgt tot mijn klantendossier tot de begeleiding is afgerond.';

/** The signature boxes: their labels above, the boxes to write in below. */
const SIGNATURE_HEIGHT = 110;

export async function renderAttestPdf(attest: AttestForPrint): Promise<Uint8Array> {
  const w = await PdfWriter.create({ title: 'Attest outplacementbegeleiding', creator: messages.common.serviceName });

  w.text('Attest outplacementbegeleiding', { size: 18, bold: true, color: BRAND, after: 4 });
  w.text('Voor toegang van de outplacementpartner tot het klantendossier', { size: 10, color: MUTED, after: 18 });

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
  for (const [label, value] of rows) w.row(label, value, { labelWidth: 170 });
  w.space(14);

  // The declaration and the boxes the client signs stay on one page.
  w.ensureRoom(w.height(DECLARATION, { size: 10 }) + 30 + SIGNATURE_HEIGHT);
  w.text(DECLARATION, { size: 10 });
  w.space(30);
  w.block(SIGNATURE_HEIGHT, (page, top) => {
    const box = (label: string, x: number, width: number) => {
      page.drawText(label, { x, y: top - 10, size: 10, font: w.bold });
      page.drawRectangle({ x, y: top - 96, width, height: 76, borderColor: MUTED, borderWidth: 0.8 });
    };
    box('Datum', MARGIN, 150);
    box('Handtekening van de klant', MARGIN + 180, w.width - 180);
  });
  w.text('Stuur het ondertekende origineel naar het secretariaat van de sociale interventiedienst en voeg de scan toe aan je aanvraag in het Loopbaanportaal (Toegang aanvragen).', {
    size: 9,
    color: MUTED,
  });
  return w.save();
}

export function attestFileName(attest: Pick<NewRequestInput, 'familyName'>): string {
  const ascii = attest.familyName.normalize('NFKD').replace(/\p{M}/gu, '').replace(/[^A-Za-z0-9-]+/g, '-').replace(/^-|-$/g, '');
  return `attest-outplacement-${ascii === '' ? 'klant' : ascii}.pdf`;
}

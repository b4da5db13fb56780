/**
 * The table of bad uploads (D3, ASVS 5.2.2, 5.2.3; issue 13 item 5): one row per class of hostile
 * or broken file, with the problem the content check names and the Dutch message the user reads at
 * the field. The unit test runs the rows through the content check
 * (test/unit/documents-content.test.ts), the integration test over HTTP, on both databases, with
 * "nothing stored" checked per row (test/integration/bad-uploads.test.ts), which adds the classes
 * that only HTTP has: names, a missing file, the size limit, the early 413 and the daily quota.
 */
import {
  crowdedDocx, DOCX, docxLinkingOut, docxWith, EXE, HTML, MACRO_ENABLED_DOCX, MEDIA_TYPES, ODT_WITH_BASIC, PLAIN_ZIP, PNG,
  pdfWith, pdfWithObjectStream, understatedDocx, zip, zipBombDocx,
} from './documents.ts';

/** The message of a problem; fails on a problem the table does not know. */
export function says(problem: string): string {
  const message = SAYS[problem];
  if (message === undefined) throw new Error(`no message for ${problem}`);
  return message;
}

export type BadUpload = Readonly<{ what: string; bytes: () => Buffer; name: string; type: string; problem: string; message: string }>;

/** What the user reads at the field, per problem (the start of the message of the catalogue). */
export const SAYS: Readonly<Record<string, string>> = {
  'type-niet-toegelaten': 'Het document moet een PDF, DOCX, DOC, ODT, JPG of PNG zijn',
  'komt-niet-overeen': 'De inhoud van het bestand komt niet overeen met de naam of het type ervan',
  leeg: 'Het gekozen bestand is leeg',
  'te-groot': 'Het document mag hoogstens 20 MB groot zijn',
  'zip-te-groot': 'Het document is uitgepakt groter dan 100 MB en wordt niet aanvaard',
  'zip-te-veel-onderdelen': 'Het document bestaat uit meer dan 1.000 onderdelen en wordt niet aanvaard',
  'zip-ongeldig': 'Het document is geen geldig DOCX- of ODT-bestand',
  macro: "Het document bevat macro's of ActiveX-onderdelen en wordt niet aanvaard",
  'externe-koppeling': 'Het document haalt bij het openen inhoud van buiten het bestand op',
  'pdf-actieve-inhoud': 'De PDF bevat JavaScript, een startactie of ingesloten bestanden en wordt niet aanvaard',
  'pdf-niet-leesbaar': 'De PDF kan niet gecontroleerd worden',
  'naam-ongeldig': 'De bestandsnaam bevat mapnamen of ongeldige tekens',
  'geen-bestand': 'Kies het document dat je wilt toevoegen',
  quotum: 'Je hebt vandaag het maximum aan bestanden opgeladen dat per dag toegelaten is: dit bestand is niet bewaard',
};

export const BAD_UPLOADS: readonly BadUpload[] = [
  { what: 'an executable named .pdf', bytes: () => EXE, name: 'plan.pdf', type: MEDIA_TYPES.pdf, problem: 'type-niet-toegelaten', message: says('type-niet-toegelaten') },
  { what: 'HTML with script named .pdf', bytes: () => HTML, name: 'plan.pdf', type: MEDIA_TYPES.pdf, problem: 'type-niet-toegelaten', message: says('type-niet-toegelaten') },
  { what: 'a zip that is neither DOCX nor ODT', bytes: () => PLAIN_ZIP, name: 'plan.docx', type: MEDIA_TYPES.docx, problem: 'type-niet-toegelaten', message: says('type-niet-toegelaten') },
  { what: 'a PNG named .pdf', bytes: () => PNG, name: 'plan.pdf', type: MEDIA_TYPES.pdf, problem: 'komt-niet-overeen', message: says('komt-niet-overeen') },
  { what: 'an empty file', bytes: () => Buffer.alloc(0), name: 'plan.pdf', type: MEDIA_TYPES.pdf, problem: 'leeg', message: says('leeg') },
  { what: 'a DOCX that declares more than 100 MB unpacked (zip bomb)', bytes: zipBombDocx, name: 'plan.docx', type: MEDIA_TYPES.docx, problem: 'zip-te-groot', message: says('zip-te-groot') },
  { what: 'a DOCX whose part declares 1 kB and inflates to 32 MB', bytes: understatedDocx, name: 'plan.docx', type: MEDIA_TYPES.docx, problem: 'zip-ongeldig', message: says('zip-ongeldig') },
  { what: 'a DOCX of 1,001 entries', bytes: crowdedDocx, name: 'plan.docx', type: MEDIA_TYPES.docx, problem: 'zip-te-veel-onderdelen', message: says('zip-te-veel-onderdelen') },
  { what: 'a cut-off DOCX', bytes: () => Buffer.from(DOCX.subarray(0, DOCX.length - 10)), name: 'plan.docx', type: MEDIA_TYPES.docx, problem: 'zip-ongeldig', message: says('zip-ongeldig') },
  { what: 'a DOCX whose directory announces fewer entries than it holds', bytes: () => announcing(DOCX, 2), name: 'plan.docx', type: MEDIA_TYPES.docx, problem: 'zip-ongeldig', message: says('zip-ongeldig') },
  { what: 'a DOCX with vbaProject.bin', bytes: () => docxWith({ name: 'word/vbaProject.bin', data: Buffer.from('macro') }), name: 'plan.docx', type: MEDIA_TYPES.docx, problem: 'macro', message: says('macro') },
  { what: 'a DOCX with an ActiveX part', bytes: () => docxWith({ name: 'word/activeX/activeX1.xml', data: Buffer.from('<ax/>') }), name: 'plan.docx', type: MEDIA_TYPES.docx, problem: 'macro', message: says('macro') },
  { what: 'a macro-enabled document renamed .docx', bytes: () => MACRO_ENABLED_DOCX, name: 'plan.docx', type: MEDIA_TYPES.docx, problem: 'macro', message: says('macro') },
  { what: 'an ODT with a Basic macro library', bytes: () => ODT_WITH_BASIC, name: 'plan.odt', type: MEDIA_TYPES.odt, problem: 'macro', message: says('macro') },
  { what: 'an ODT with Scripts/', bytes: () => odtWith('Scripts/python/x.py'), name: 'plan.odt', type: MEDIA_TYPES.odt, problem: 'macro', message: says('macro') },
  { what: 'a DOCX with an external template', bytes: () => docxLinkingOut('attachedTemplate'), name: 'plan.docx', type: MEDIA_TYPES.docx, problem: 'externe-koppeling', message: says('externe-koppeling') },
  { what: 'a DOCX with an external OLE object', bytes: () => docxLinkingOut('oleObject'), name: 'plan.docx', type: MEDIA_TYPES.docx, problem: 'externe-koppeling', message: says('externe-koppeling') },
  { what: 'a PDF with JavaScript', bytes: () => pdfWith('1 0 obj << /Type /Catalog /OpenAction 2 0 R >> endobj\n2 0 obj << /S /JavaScript /JS (app.alert(1)) >> endobj'), name: 'plan.pdf', type: MEDIA_TYPES.pdf, problem: 'pdf-actieve-inhoud', message: says('pdf-actieve-inhoud') },
  { what: 'a PDF with an escaped name /J#61vaScript', bytes: () => pdfWith('1 0 obj << /Type /Catalog /OpenAction << /S /J#61vaScript /J#53 (x) >> >> endobj'), name: 'plan.pdf', type: MEDIA_TYPES.pdf, problem: 'pdf-actieve-inhoud', message: says('pdf-actieve-inhoud') },
  { what: 'a PDF with a launch action', bytes: () => pdfWith('1 0 obj << /Type /Catalog /OpenAction << /S /Launch /F (cmd.exe) >> >> endobj'), name: 'plan.pdf', type: MEDIA_TYPES.pdf, problem: 'pdf-actieve-inhoud', message: says('pdf-actieve-inhoud') },
  { what: 'a PDF with an embedded file', bytes: () => pdfWith('1 0 obj << /Type /Catalog /Names << /EmbeddedFiles 2 0 R >> >> endobj'), name: 'plan.pdf', type: MEDIA_TYPES.pdf, problem: 'pdf-actieve-inhoud', message: says('pdf-actieve-inhoud') },
  { what: 'a PDF with JavaScript hidden in a compressed object stream', bytes: () => pdfWithObjectStream('3 0 << /S /JavaScript /JS (app.alert(1)) >>'), name: 'plan.pdf', type: MEDIA_TYPES.pdf, problem: 'pdf-actieve-inhoud', message: says('pdf-actieve-inhoud') },
  { what: 'a PDF whose object stream cannot be unpacked', bytes: () => pdfWith('2 0 obj << /Type /ObjStm /N 1 /First 4 /Length 5 >>\nstream\nXXXXX\nendstream\nendobj'), name: 'plan.pdf', type: MEDIA_TYPES.pdf, problem: 'pdf-niet-leesbaar', message: says('pdf-niet-leesbaar') },
];

/** The same archive with another count in the end of its directory. */
function announcing(archive: Buffer, entries: number): Buffer {
  const copy = Buffer.from(archive);
  copy.writeUInt16LE(entries, copy.length - 12);
  copy.writeUInt16LE(entries, copy.length - 14);
  return copy;
}

function odtWith(name: string): Buffer {
  return zip([
    { name: 'mimetype', data: Buffer.from('application/vnd.oasis.opendocument.text', 'ascii'), store: true },
    { name: 'content.xml', data: Buffer.from('<office:document-content/>') },
    { name, data: Buffer.from('print(1)') },
  ]);
}

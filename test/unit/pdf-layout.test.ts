/**
 * Issue 15 defect 4: the printed attest wrote its declaration over the next line. The PDFs of
 * "Attest afdrukken" and "CV afdrukken" are read back with PDF.js, text and positions: no two
 * runs of text may cover each other, none may reach into the margins of the A4 page, long names,
 * addresses and texts wrap, and what does not fit flows onto a next page, nothing lost.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Region } from '../../src/domain/dossier/desired-jobs.ts';
import type { YearMonth } from '../../src/domain/dossier/cv.ts';
import { makeInsz } from '../../src/domain/insz.ts';
import { renderAttestPdf, type AttestForPrint } from '../../src/http/pages/attests/attest-pdf.ts';
import { renderCvPdf } from '../../src/http/pages/cv/cv-pdf.ts';
import { PdfWriter } from '../../src/http/pages/shared/pdf-writer.ts';
import type { CvForPrint } from '../../src/services/dossier-upkeep/cv-service.ts';
import { date } from '../support/dates.ts';
import { allText, overlappingRuns, runsOutsideMargins, textBoxes, type PdfPage } from '../support/pdf-layout.ts';

/** A4 in points, and the least white space kept at every edge (1 cm). */
const A4 = { width: 595.28, height: 841.89 };
const MIN_MARGIN = 28.35;

function assertLaidOut(pages: readonly PdfPage[]): void {
  assert.ok(pages.length >= 1, 'the PDF has pages');
  for (const page of pages) {
    assert.ok(Math.abs(page.width - A4.width) < 0.5 && Math.abs(page.height - A4.height) < 0.5, `page ${page.number} is A4`);
  }
  assert.deepEqual(overlappingRuns(pages), [], 'no two lines of text overlap');
  assert.deepEqual(runsOutsideMargins(pages, MIN_MARGIN), [], 'no text in the margins or off the page');
}

/** `text` is in the document as written: lines are broken between words, so joined by spaces it reads whole again. */
function assertContains(pages: readonly PdfPage[], text: string): void {
  assert.ok(allText(pages).includes(text), `"${text.slice(0, 60)}…" is in the PDF, whole and in order`);
}

const longWord = (stem: string, length: number) => stem.repeat(Math.ceil(length / stem.length)).slice(0, length);

function anAttest(overrides: Partial<AttestForPrint> = {}): AttestForPrint {
  return {
    insz: makeInsz(date('1985-07-30'), 33),
    familyName: 'Peeters',
    firstName: 'An',
    birthDate: date('1985-07-30'),
    regime: 'algemeen',
    startDate: date('2026-11-02'),
    endDate: date('2027-05-01'),
    organisationName: 'Koers Outplacement',
    officeLabel: 'KOERS MECHELEN (701)',
    ...overrides,
  };
}

const DECLARATION =
  'Ik, ondergetekende, verklaar dat ik kies voor een begeleiding outplacement door de bovenvermelde partner in de vermelde periode, en dat deze partner daarvoor toegang krijgt tot mijn klantendossier tot de begeleiding is afgerond.';

const stored = { clientId: 'client-1', version: 1, updatedByLabel: 'An Begeleider' };

function aCv(overrides: { familyName?: string; firstName?: string; street?: string; city?: string; items?: number; text?: string } = {}): CvForPrint {
  const items = overrides.items ?? 2;
  const text = overrides.text ?? 'Klantvriendelijk';
  return {
    dossier: {
      client: {
        id: 'client-1',
        insz: makeInsz(date('1985-07-30'), 33),
        familyName: overrides.familyName ?? 'Peeters',
        firstName: overrides.firstName ?? 'An',
        birthDate: date('1985-07-30'),
        email: 'an.peeters@voorbeeld.be',
        phone: '0470 12 34 56',
        street: overrides.street ?? 'Markt 1',
        postcode: '2800',
        city: overrides.city ?? 'Mechelen',
        version: 1,
      },
      attests: [],
    },
    educations: Array.from({ length: items }, (_, i) => ({ ...stored, id: `e${i}`, level: 'master' as const, field: `${text} ${i}`, institution: `Universiteit ${text}`, year: 2005, diploma: true })),
    workExperiences: Array.from({ length: items }, (_, i) => ({
      ...stored,
      id: `w${i}`,
      employer: `Werkgever ${text} ${i}`,
      jobTitle: `Functie ${text}`,
      from: '2010-01' as YearMonth,
      until: '2015-06' as YearMonth,
    })),
    languages: [{ ...stored, id: 'l1', language: 'Nederlands', understanding: 'moedertaal', speaking: 'moedertaal', reading: 'moedertaal', writing: 'moedertaal' }],
    competences: Array.from({ length: items }, (_, i) => ({ ...stored, id: `c${i}`, text: `${text} ${i}` })),
    drivingLicences: { clientId: 'client-1', categories: ['B'], version: 1 },
    canEdit: true,
    desiredJobs: [
      {
        id: 'j1',
        clientId: 'client-1',
        occupationCode: '2512',
        occupationTitle: 'Softwareontwikkelaars',
        experience: 'ervaren',
        regions: ['antwerpen', 'limburg', 'oost-vlaanderen', 'vlaams-brabant', 'west-vlaanderen', 'brussel', 'wallonie'] as Region[],
        regime: 'voltijds',
        version: 1,
        updatedByLabel: 'An Begeleider',
      },
    ],
    availability: null,
    printedOn: date('2026-11-29'),
  };
}

describe('issue 15 defect 4: printed PDFs lay their text out on A4 with margins', () => {
  it('issue 15 defect 4: "Attest afdrukken" wraps the declaration: no line over another, all inside the margins, every word there', async () => {
    const pages = await textBoxes(await renderAttestPdf(anAttest()));
    assertLaidOut(pages);
    assertContains(pages, DECLARATION);
    assertContains(pages, 'Datum Handtekening van de klant');
  });

  it('issue 15 defect 4: "Attest afdrukken" wraps the longest names and a long partner name, and long unbroken words too', async () => {
    const attest = anAttest({
      familyName: 'Van den Broeck-Vandervelde de Smet-El Amrani Çelik Müller Noël Vanderstraeten-Dewulf Verhaegen',
      firstName: longWord('Marie-Christine', 100),
      organisationName: 'Loopbaanbegeleiding en Outplacement voor Werknemers en Werkzoekenden van Vlaanderen en Brussel vzw',
      officeLabel: 'LOOPBAANBEGELEIDING EN OUTPLACEMENT VOOR WERKNEMERS EN WERKZOEKENDEN SINT-JANS-MOLENBEEK (70123)',
    });
    const pages = await textBoxes(await renderAttestPdf(attest));
    assertLaidOut(pages);
    assertContains(pages, 'Van den Broeck-Vandervelde de Smet-El Amrani Çelik Müller Noël Vanderstraeten-Dewulf Verhaegen');
    assertContains(pages, 'Loopbaanbegeleiding en Outplacement voor Werknemers en Werkzoekenden van Vlaanderen en Brussel vzw,');
    assertContains(pages, 'SINT-JANS-MOLENBEEK (70123)');
    assertContains(pages, DECLARATION);
    assert.ok(allText(pages).replace(/ /g, '').includes(longWord('Marie-Christine', 100)), 'an unbroken word is split over lines, not cut off');
  });

  it('issue 15 defect 4: "CV afdrukken" wraps a long name, a long address and long texts, all inside the margins', async () => {
    const street = 'Onze-Lieve-Vrouw-van-Vaakstraat 123 bus 45, hoek met de Koning Albert II-laan en de Sint-Jan-Baptist-de-la-Sallestraat';
    const cv = aCv({
      familyName: 'Van den Broeck-Vandervelde de Smet-El Amrani Çelik Müller Noël Vanderstraeten-Dewulf',
      firstName: 'Marie-Christine Fatima Anne-Sophie',
      street,
      city: 'Sint-Jans-Molenbeek-Oost-Vlaanderen',
      text: `${longWord('Projectmanagement', 60)} met een heel lange omschrijving die zeker niet op één regel past en moet doorlopen op de volgende regel`,
    });
    const pages = await textBoxes(await renderCvPdf(cv));
    assertLaidOut(pages);
    assertContains(pages, street);
    assertContains(pages, 'Van den Broeck-Vandervelde de Smet-El Amrani Çelik Müller Noël Vanderstraeten-Dewulf');
    assertContains(pages, 'Brussels Hoofdstedelijk Gewest, Wallonië');
  });

  it('issue 15 defect 4: "CV afdrukken" flows onto next pages when the CV does not fit, each page laid out and numbered', async () => {
    const pages = await textBoxes(await renderCvPdf(aCv({ items: 30, text: 'Een omschrijving die over meer dan één regel loopt omdat ze lang is, zoals cv-teksten wel eens zijn' })));
    assert.ok(pages.length >= 3, `the CV runs over ${pages.length} pages`);
    assertLaidOut(pages);
    for (const page of pages) assert.ok(allText([page]).includes(`pagina ${page.number} van ${pages.length}`), `page ${page.number} says its number`);
    assertContains(pages, 'Een omschrijving die over meer dan één regel loopt omdat ze lang is, zoals cv-teksten wel eens zijn 29');
  });

  it('issue 15 defect 4: text longer than a page flows onto new pages, in paragraphs and in labelled rows, nothing lost', async () => {
    const w = await PdfWriter.create({ title: 'Proef', creator: 'Loopbaanportaal' });
    const reason = Array.from({ length: 60 }, (_, i) => `Reden ${i}: de klant vond werk na de intake en wenst geen verdere begeleiding meer.`).join(' ');
    w.text('Verzoek tot stopzetting', { size: 18, bold: true });
    w.row('Reden', reason, { labelWidth: 120 });
    w.text(reason, { size: 12 });
    const pages = await textBoxes(await w.save());
    assert.ok(pages.length >= 3, `the text runs over ${pages.length} pages`);
    assertLaidOut(pages);
    assert.equal(allText(pages).split(reason).length, 3, 'the long text is there twice, whole');
  });
});

import type { DossierPage } from '../../domain/dossier/pages.ts';

/**
 * A6 "Wie bekeek dit dossier": every dossier page by its Dutch name (issue 15 defect 11). Typed
 * on the list of pages a use case can log, so a new page cannot show its raw key.
 */
export const dossierPageNames: Readonly<Record<DossierPage, string>> = {
  klantenportret: 'Klantenportret',
  profiel: 'Profiel & Gewenste jobs',
  contactgegevens: 'Contactgegevens wijzigen',
  'inschrijving-werkzoekende': 'Inschrijving als werkzoekende',
  beschikbaarheid: 'Beschikbaarheid wijzigen',
  'gewenste-job': 'Gewenste job',
  wijzigingen: 'Wijzigingen aan profiel, gewenste jobs en cv',
  cv: "Cv's",
  'cv-afdrukken': 'CV afdrukken',
  'cv-rijbewijs': 'Rijbewijzen wijzigen',
  'cv-opleiding': 'Opleiding (cv)',
  'cv-werkervaring': 'Werkervaring (cv)',
  'cv-taal': 'Taal (cv)',
  'cv-competentie': 'Competentie (cv)',
  documenten: 'Documenten',
  document: 'Document',
  'document-toevoegen': 'Document toevoegen',
  'document-intrekken': 'Document intrekken',
  'document-soort': 'Soort van een document wijzigen',
  'documenten-logging': 'Volledige logging van de documenten',
  'stappen-naar-werk': 'Stappen naar werk',
  traject: 'Traject',
  stap: 'Stap naar werk',
  'stap-toevoegen': 'Stap toevoegen',
  logboek: 'Logboek van de stappen',
  'interne-opmerking': 'Interne opmerking',
  'verlenging-aanvragen': 'Verlenging aanvragen',
  'wie-bekeek': 'Wie bekeek dit dossier',
};
/** Page keys that records written by earlier versions hold (the audit log is never rewritten). */
export const formerDossierPageNames: Readonly<Record<string, string>> = {
  'volledige-logging': 'Volledige logging van de documenten',
  stappen: 'Stappen naar werk',
};
/** A page key nobody named: never shown raw. */
export const unnamedDossierPage = 'een pagina van het dossier';

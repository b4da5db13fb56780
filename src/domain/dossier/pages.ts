/**
 * The pages of a dossier, as an opening of one is recorded (A6, `dossier.geopend` with
 * `details.page`). One list, so that "Wie bekeek dit dossier" has a Dutch name for every page a
 * use case can log (issue 15 defect 11): the catalogue of names is typed on it.
 */
export const DOSSIER_PAGES = [
  'klantenportret',
  'profiel',
  'contactgegevens',
  'inschrijving-werkzoekende',
  'beschikbaarheid',
  'gewenste-job',
  'wijzigingen',
  'cv',
  'cv-afdrukken',
  'cv-rijbewijs',
  'cv-opleiding',
  'cv-werkervaring',
  'cv-taal',
  'cv-competentie',
  'documenten',
  'document',
  'document-toevoegen',
  'document-intrekken',
  'document-soort',
  'documenten-logging',
  'stappen-naar-werk',
  'traject',
  'stap',
  'stap-toevoegen',
  'logboek',
  'interne-opmerking',
  'verlenging-aanvragen',
  'wie-bekeek',
] as const;

export type DossierPage = (typeof DOSSIER_PAGES)[number];

export function isDossierPage(value: unknown): value is DossierPage {
  return typeof value === 'string' && (DOSSIER_PAGES as readonly string[]).includes(value);
}

/**
 * Issue 15 defect 11: "Wie bekeek dit dossier" counts the openings of one page by one user as one
 * visit while each follows the previous within this time (a form shown again, a reload).
 */
export const VISIT_GAP_SECONDS = 5 * 60;

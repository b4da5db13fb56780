/** Texts of the whole portal: the service name, the error summary and the error pages. */

export const common = {
  serviceName: 'Loopbaanportaal',
  errorTitlePrefix: 'Fout: ',
  errorSummaryTitle: 'Er is een probleem',
} as const;

export const errors = {
  notFoundTitle: 'Pagina niet gevonden',
  notFoundBody: 'Deze pagina of dit dossier bestaat niet, of je hebt er geen toegang toe.',
  forbiddenTitle: 'Geen toegang',
  forbiddenBody: 'Je hebt geen toegang tot deze functie.',
  csrfTitle: 'Formulier verlopen',
  csrfBody: 'Het formulier is verlopen of werd niet vanuit het portaal verstuurd. Ga terug, laad de pagina opnieuw en probeer het nog eens.',
  tooManyTitle: 'Te veel verzoeken',
  serverTitle: 'Er is iets misgegaan',
  serverBody: 'Er is een fout opgetreden. Probeer het later opnieuw. Blijft het probleem, neem dan contact op met de helpdesk en vermeld de foutcode.',
  badRequestTitle: 'Ongeldig verzoek',
  badRequestBody: 'Het verzoek kon niet verwerkt worden.',
  /** A body over the size limit (413): refused before it is read. */
  tooLargeTitle: 'Bestand te groot',
  tooLargeBody: 'Het verstuurde formulier is groter dan toegelaten: een document mag hoogstens 20 MB groot zijn. Er is niets bewaard. Ga terug en kies een kleiner bestand.',
  /** A document whose file is missing from the storage (410). */
  documentMissingTitle: 'Document niet beschikbaar',
  documentMissingBody: 'Dit document kan niet getoond worden: het bestand ontbreekt. Dit werd automatisch gemeld aan de dienst.',
} as const;

/** O12 and saving, alike on every form that saves a versioned record (dossier upkeep, administration). */
export const savingMessages = {
  changedMeanwhile: (by: string) =>
    by === ''
      ? 'Deze gegevens werden intussen door iemand anders gewijzigd. Bekijk de huidige gegevens en bewaar je wijziging opnieuw.'
      : `Deze gegevens werden intussen gewijzigd door ${by}. Bekijk de huidige gegevens en bewaar je wijziging opnieuw.`,
  removedMeanwhile: 'Dit werd intussen door iemand anders verwijderd. Je wijziging is niet bewaard.',
  saved: 'De wijzigingen zijn bewaard.',
  nothingChanged: 'Er was niets gewijzigd.',
};

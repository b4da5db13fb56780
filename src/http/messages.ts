/**
 * Every Dutch text the portal shows beyond the labels in the views: messages keyed by feature,
 * rule and field. One catalogue, so that wording stays consistent and reviewable.
 */
export const messages = {
  common: {
    serviceName: 'Loopbaanportaal',
    errorTitlePrefix: 'Fout: ',
    errorSummaryTitle: 'Er is een probleem',
  },
  login: {
    emailRequired: 'Vul je e-mailadres in',
    emailFormat: 'Vul een e-mailadres in zoals naam@voorbeeld.be',
    passwordRequired: 'Vul je wachtwoord in',
    /** One message for every failure: no hint whether the address exists or is locked. */
    failed: 'Het e-mailadres of het wachtwoord is niet juist. Na 5 mislukte pogingen wordt het account 15 minuten geblokkeerd.',
    tooManyAttempts: 'Te veel aanmeldpogingen. Wacht enkele minuten en probeer het dan opnieuw.',
    loggedOut: 'Je bent afgemeld.',
    sessionEnded: 'Je sessie is beëindigd. Meld je opnieuw aan.',
  },
  search: {
    queryRequired: 'Vul een INSZ-nummer of een naam in',
    inszInvalid: 'Vul een geldig INSZ-nummer in: 11 cijfers, zoals 85.07.30-033.28',
    queryTooShort: 'Vul minstens 2 letters van de naam in',
  },
  errors: {
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
  },
} as const;

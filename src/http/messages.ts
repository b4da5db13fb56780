/**
 * Every Dutch text the portal shows beyond the labels in the views: messages keyed by feature,
 * rule and field. One catalogue, so that wording stays consistent and reviewable.
 */
import { formatDate, type CalendarDate } from '../domain/calendar-date.ts';
import { ATTEST_STATE_LABELS, type AttestState } from '../domain/clients.ts';
import { STATE_LABELS } from '../domain/steps/step.ts';
import type { DossierPage } from '../domain/dossier/pages.ts';

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
  /** "Mijn klanten": the organisation's running Outplacement line of each client (issue 15 defect 12). */
  myClients: {
    noRunningLine: 'Geen lopende lijn',
    running: 'Bezig',
    runningUntil: (end: string) => `Bezig tot ${end}`,
  },
  /** Begeleiding > Traject: the link from its read-only Gewenste jobs to Profiel (issue 15). */
  trajectory: {
    noDesiredJobs: 'Er zijn nog geen gewenste jobs.',
    changeDesiredJobs: 'Gewenste jobs wijzigen in Profiel & Gewenste jobs',
    viewDesiredJobs: 'Naar Profiel & Gewenste jobs',
  },
  search: {
    queryRequired: 'Vul een INSZ-nummer of een naam in',
    inszInvalid: 'Vul een geldig INSZ-nummer in: 11 cijfers, zoals 85.07.30-033.28',
    queryTooShort: 'Vul minstens 2 letters van de naam in',
  },
  steps: {
    dateRequired: 'Vul de datum in',
    datePartMissing: (part: string) => `De datum moet een ${part} bevatten`,
    dateInvalid: 'Vul een bestaande datum in, zoals 21/02/2019',
    dateAfterToday: 'De datum mag niet na vandaag liggen',
    dateBeforeAttest: (start: string, end: string) => `De datum moet binnen de periode van het attest liggen (${start} tot en met ${end})`,
    dateAfterAttest: (start: string, end: string) => `De datum moet binnen de periode van het attest liggen (${start} tot en met ${end})`,
    dateBeforeStart: (start: string) => `De datum mag niet voor de start van de begeleiding liggen (${start})`,
    proposedDateRequired: 'Vul de voorgestelde datum van stopzetting in',
    officeRequired: { aanvrager: 'Kies de aanvrager', uitvoerder: 'Kies de uitvoerder' },
    officeUnknown: { aanvrager: 'Deze vestiging bestaat niet: zoek de aanvrager opnieuw', uitvoerder: 'Deze vestiging bestaat niet: zoek de uitvoerder opnieuw' },
    officeSearchTooShort: 'Vul minstens 2 tekens van de naam of de code van de vestiging in',
    officeSearchNone: 'Geen vestiging gevonden met deze naam of code',
    fundingUnknown: 'Kies een financieringsnummer van je eigen organisatie',
    additionRequired: 'Vul de tekst in waarmee je de samenvatting aanvult',
    windowClosed: 'De samenvatting kan niet meer aangevuld worden: de termijn van twee weken na de eindtoestand is voorbij',
    stateNotAllowed: 'Deze toestand kan je niet kiezen. Stopzetten gebeurt door de sociale interventieadviseur; Uitgevoerd zet het systeem zelf',
    stateRequired: 'Kies de toestand',
    alreadyRunning: 'Deze klant heeft al een lijn Outplacement in toestand Bezig van jouw organisatie: werk verder met die lijn',
    changedMeanwhile: (by: string) => `Deze stap werd intussen gewijzigd door ${by}. Bekijk de huidige gegevens en bevestig je wijziging opnieuw.`,
    reasonRequired: 'Vul de reden in',
    requestOpen: 'Er loopt al een verzoek tot stopzetting voor deze lijn',
    registered: (type: string) => `De stap ${type} is toegevoegd.`,
    changed: 'De wijzigingen zijn opgeslagen.',
    nothingChanged: 'Er was niets gewijzigd.',
    summaryAppended: 'De samenvatting is aangevuld.',
    stopRequested: 'Het verzoek tot stopzetting is verstuurd naar de sociale interventieadviseur.',
    stopped: 'De lijn staat op Stopgezet.',
    requestDeclined: 'Het verzoek tot stopzetting is afgewezen.',
  },
  documents: {
    publicationNameRequired: 'Vul de publicatienaam in',
    kindRequired: 'Kies de soort van het document',
    stepUnknown: 'Deze stap hoort niet bij dit dossier',
    upload: {
      'geen-bestand': 'Kies het document dat je wilt toevoegen',
      leeg: 'Het gekozen bestand is leeg',
      'te-groot': (maxMb: number) => `Het document mag hoogstens ${maxMb} MB groot zijn`,
      'type-niet-toegelaten': (formats: string) => `Het document moet een ${formats} zijn`,
      'komt-niet-overeen': (formats: string) =>
        `De inhoud van het bestand komt niet overeen met de naam of het type ervan: kies een ${formats} met de juiste extensie`,
      'naam-ongeldig': 'De bestandsnaam bevat mapnamen of ongeldige tekens: geef het bestand een gewone naam en kies het opnieuw',
      'zip-te-groot': (maxMb: number) => `Het document is uitgepakt groter dan ${maxMb} MB en wordt niet aanvaard`,
      'zip-te-veel-onderdelen': (max: string) => `Het document bestaat uit meer dan ${max} onderdelen en wordt niet aanvaard`,
      'zip-ongeldig': 'Het document is geen geldig DOCX- of ODT-bestand',
    },
    chooseAgain: 'Kies het bestand opnieuw: een browser onthoudt het niet.',
    added: (name: string) => `Het document ${name} is toegevoegd.`,
    reasonRequired: 'Vul de reden van de intrekking in',
    alreadyWithdrawn: 'Dit document is al ingetrokken',
    withdrawn: (name: string) => `Het document ${name} is ingetrokken.`,
  },
  /** Keeping the dossier up to date (K1–K3): Profiel & Gewenste jobs, Cv's, Interne opmerking, Klantenportret. */
  upkeep: {
    /** "Vul … in" / "Kies …" for a required field, by form field. */
    required: {
      straat: 'Vul de straat en het huisnummer in',
      postcode: 'Vul de postcode in',
      gemeente: 'Vul de gemeente in',
      ingeschreven: 'Kies of de klant ingeschreven is als werkzoekende',
      inschrijvingsdatum: 'Vul de datum van inschrijving in',
      beroep: 'Kies een beroep: zoek het op naam en kies het uit de lijst',
      ervaring: 'Kies de ervaring in dit beroep',
      regio: 'Kies minstens één regio',
      regime: 'Kies voltijds of deeltijds',
      niveau: 'Kies het niveau van de opleiding',
      richting: 'Vul de studierichting in',
      diploma: 'Kies of het diploma behaald is',
      werkgever: 'Vul de werkgever in',
      functie: 'Vul de functie in',
      van: 'Vul de maand en het jaar in waarop de job begon',
      taal: 'Vul de taal in',
      begrijpen: 'Kies het niveau voor begrijpen',
      spreken: 'Kies het niveau voor spreken',
      lezen: 'Kies het niveau voor lezen',
      schrijven: 'Kies het niveau voor schrijven',
      competentie: 'Vul de competentie in',
      opmerking: 'Vul de opmerking in',
      titel: 'Vul de naam van het beroep in',
      'isco-code': 'Vul de ISCO-08-code van de beroepsgroep in',
    } as Readonly<Record<string, string>>,
    requiredOther: 'Vul dit veld in',
    /** The field's name in "… mag hoogstens N tekens bevatten". */
    labels: {
      straat: 'De straat',
      gemeente: 'De gemeente',
      richting: 'De studierichting',
      instelling: 'De onderwijsinstelling',
      werkgever: 'De werkgever',
      functie: 'De functie',
      taal: 'De taal',
      competentie: 'De competentie',
      opmerking: 'De opmerking',
      titel: 'De naam van het beroep',
    } as Readonly<Record<string, string>>,
    tooLong: (label: string, max: string) => `${label} mag hoogstens ${max} tekens bevatten`,
    postcode: 'Vul een Belgische postcode in: 4 cijfers, van 1000 tot 9999',
    phone: 'Vul een Belgisch telefoonnummer in dat begint met 0 of +32, zoals 0470 12 34 56 of +32 15 21 22 23',
    email: 'Vul een e-mailadres in zoals naam@voorbeeld.be',
    registrationDateAfterToday: 'De datum van inschrijving mag niet na vandaag liggen',
    availableFromRequired: 'Vul de datum in vanaf wanneer de klant beschikbaar is',
    yearInvalid: 'Vul een bestaand jaar in met 4 cijfers, zoals 2015',
    diplomaInFuture: 'Een behaald diploma kan niet in een later jaar liggen dan dit jaar',
    monthInvalid: 'Vul een maand (1 tot 12) en een jaar met 4 cijfers in, zoals 09 2015',
    monthPartMissing: (part: string) => `Vul ook het ${part} in`,
    fromAfterNow: 'De start mag niet na deze maand liggen',
    untilAfterNow: 'Het einde mag niet na deze maand liggen: laat het leeg als de klant er nog werkt',
    untilBeforeFrom: 'Het einde mag niet voor de start liggen',
    licenceInvalid: 'Kies alleen rijbewijzen uit de lijst',
    levelInvalid: 'Kies een niveau uit de lijst',
    languageExists: 'Deze taal staat al op het cv: wijzig de bestaande taal',
    competenceExists: 'Deze competentie staat al op het cv',
    occupationExists: 'Dit beroep staat al in de catalogus',
    occupationUnknown: 'Dit beroep staat niet in de catalogus: zoek het opnieuw en kies het uit de lijst',
    iscoCodeUnknown: 'Vul de code van een bestaande ISCO-08-beroepsgroep in: 4 cijfers, zoals 2513',
    occupationSearchTooShort: 'Vul minstens 2 letters van het beroep in',
    occupationSearchNone: 'Geen beroep gevonden met deze naam of code',
    changedMeanwhile: (by: string) =>
      by === ''
        ? 'Deze gegevens werden intussen door iemand anders gewijzigd. Bekijk de huidige gegevens en bewaar je wijziging opnieuw.'
        : `Deze gegevens werden intussen gewijzigd door ${by}. Bekijk de huidige gegevens en bewaar je wijziging opnieuw.`,
    removedMeanwhile: 'Dit werd intussen door iemand anders verwijderd. Je wijziging is niet bewaard.',
    saved: 'De wijzigingen zijn bewaard.',
    nothingChanged: 'Er was niets gewijzigd.',
    desiredJobAdded: (title: string) => `De gewenste job ${title} is toegevoegd.`,
    desiredJobRemoved: (title: string) => `De gewenste job ${title} is verwijderd.`,
    cvItemAdded: (what: string) => `${what} is toegevoegd aan het cv.`,
    cvItemRemoved: (name: string) => `${name} is verwijderd van het cv.`,
    noteAdded: 'De opmerking is toegevoegd. Alleen je eigen organisatie ziet ze.',
    occupationAdded: (title: string, code: string) => `Het beroep ${title} (${code}) is toegevoegd aan de catalogus.`,
    warnings: {
      registrationUnknown: 'Niet geregistreerd of de klant ingeschreven is als werkzoekende: ga het na bij de start van de begeleiding.',
      notRegistered: 'De klant is niet ingeschreven als werkzoekende.',
      noActionPlan: (organisation: string, due: string) => `Geen actieplan van ${organisation}: het actieplan hoorde er te zijn op ${due} (30 dagen na de start).`,
      noFinalReport: (organisation: string, end: string) => `Geen eindverslag van ${organisation}, terwijl de begeleiding eindigde op ${end}.`,
      contactMissing: (what: string) => `Contactgegevens ontbreken: ${what}.`,
    },
  },
  /** Access by the signed attest outplacement (A2–A4, A6). */
  attests: {
    inszRequired: 'Vul het INSZ-nummer van de klant in',
    inszFormat: 'Vul een INSZ-nummer van 11 cijfers in, zoals 85.07.30-033.28',
    inszChecksum: 'Dit INSZ-nummer bestaat niet: controleer de cijfers (het controlegetal klopt niet)',
    inszDate: 'Dit INSZ-nummer bestaat niet: de eerste 6 cijfers zijn geen geboortedatum',
    familyNameRequired: 'Vul de familienaam in',
    firstNameRequired: 'Vul de voornaam in',
    birthDateRequired: 'Vul de geboortedatum in',
    birthDateMismatch: 'De geboortedatum past niet bij het INSZ-nummer: controleer beide',
    regimeRequired: 'Kies het regime',
    startRequired: 'Vul de startdatum in',
    endRequired: 'Vul de einddatum in',
    newEndRequired: 'Vul de nieuwe einddatum in',
    endNotAfterStart: 'De einddatum moet na de startdatum liggen',
    endNotAfterCurrent: (current: string) => `De nieuwe einddatum moet na de huidige einddatum (${current}) liggen`,
    periodTooLong: (months: number, last: string) => `Een attest loopt hoogstens ${months} maanden: de einddatum mag niet na ${last} liggen`,
    scanRequired: 'Kies de scan van het attest dat de klant ondertekende',
    alreadyAccess: 'Je organisatie heeft al toegang tot het dossier van deze klant met een lopend attest.',
    alreadyAccessLink: 'Open het dossier',
    alreadyRequested: 'Je organisatie heeft voor deze klant al een aanvraag ingediend die nog behandeld moet worden: zie Mijn aanvragen',
    lineEnded: (state: string) => `De lijn Outplacement staat op ${state}: een verlenging kan niet meer. Registreer zo nodig een nieuwe begeleiding met een nieuw attest.`,
    submitted: 'Je aanvraag is ingediend. Het secretariaat van de sociale interventiedienst behandelt ze; je volgt ze op in Mijn aanvragen.',
    extensionSubmitted: 'Je aanvraag tot verlenging is ingediend. Een sociale interventieadviseur of het secretariaat behandelt ze; je volgt ze op in Mijn aanvragen.',
    reasonRequired: 'Vul de reden van de afwijzing in: de partner ziet ze',
    alreadyHandled: (state: string, by: string) => `Deze aanvraag werd intussen al behandeld (${state}) door ${by}. Er is niets gewijzigd.`,
    changedMeanwhile: 'Deze aanvraag werd intussen gewijzigd. Bekijk de huidige gegevens en probeer het opnieuw.',
    attestChanged: 'Het attest werd intussen gewijzigd: de verlenging kan zo niet doorgevoerd worden. Wijs de aanvraag af.',
    approved: (name: string) => `De aanvraag voor ${name} is goedgekeurd: de partner heeft vanaf nu toegang tot het dossier.`,
    extended: (name: string, end: string) => `De verlenging voor ${name} is goedgekeurd: het attest loopt nu tot en met ${end}.`,
    rejected: (name: string) => `De aanvraag voor ${name} is afgewezen. De partner ziet de reden in Mijn aanvragen.`,
    originalRecorded: 'Het origineel is als ontvangen geregistreerd.',
    nothingChosen: 'Kies Goedkeuren of Afwijzen, of vink Origineel ontvangen aan',
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
    /** A document whose file is missing from the storage (410). */
    documentMissingTitle: 'Document niet beschikbaar',
    documentMissingBody: 'Dit document kan niet getoond worden: het bestand ontbreekt. Dit werd automatisch gemeld aan de dienst.',
  },
} as const;

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

/** A refusal's message from the problem's parameters and field (see pages/shared/problems.ts). */
export type ProblemMessage = (params: Readonly<Record<string, string>>, field: string) => string;
export type ProblemMessages = Readonly<Record<string, ProblemMessage>>;

const date = (value: string | undefined): string => (value === undefined ? '' : formatDate(value as CalendarDate));
const stepState = (state: string | undefined): string => (STATE_LABELS as Readonly<Record<string, string | undefined>>)[state ?? ''] ?? state ?? '';
const { steps: s, upkeep: u, documents: d, attests: a } = messages;

/** "… mag hoogstens N tekens bevatten": the field's name in that sentence. */
const TOO_LONG_LABELS: Readonly<Record<string, string>> = {
  ...u.labels,
  samenvatting: 'De samenvatting',
  aanvulling: 'De aanvulling',
  reden: 'De reden',
  publicatienaam: 'De publicatienaam',
  familienaam: 'De naam',
  voornaam: 'De naam',
};
const tooLong: ProblemMessage = (p, field) => u.tooLong(TOO_LONG_LABELS[field] ?? 'Dit veld', p['max'] ?? '');

/** The messages of the services' problem codes, per feature: one text per code, chosen by field where it depends on it. */
export const problemMessages = {
  steps: {
    'na-vandaag': () => s.dateAfterToday,
    'voor-attest': (p) => s.dateBeforeAttest(date(p['start']), date(p['end'])),
    'na-attest': (p) => s.dateAfterAttest(date(p['start']), date(p['end'])),
    'voor-start': (p) => s.dateBeforeStart(date(p['start'])),
    'te-lang': tooLong,
    verplicht: (_p, field) => (field === 'aanvulling' ? s.additionRequired : s.reasonRequired),
    'onbekende-vestiging': (_p, field) => (field === 'aanvrager' ? s.officeUnknown.aanvrager : s.officeUnknown.uitvoerder),
    'onbekend-financieringsnummer': () => s.fundingUnknown,
    'niet-toegestaan': () => s.stateNotAllowed,
    'al-bezig': () => s.alreadyRunning,
    gewijzigd: (p) => s.changedMeanwhile(p['by'] ?? ''),
    'venster-gesloten': () => s.windowClosed,
    'verzoek-loopt': () => s.requestOpen,
  },
  upkeep: {
    verplicht: (_p, field) => u.required[field] ?? u.requiredOther,
    'te-lang': tooLong,
    postcode: () => u.postcode,
    telefoon: () => u.phone,
    'e-mail': () => u.email,
    'na-vandaag': (_p, field) => (field === 'inschrijvingsdatum' ? u.registrationDateAfterToday : field === 'tot' ? u.untilAfterNow : u.fromAfterNow),
    toekomst: () => u.diplomaInFuture,
    'voor-van': () => u.untilBeforeFrom,
    ongeldig: (_p, field) => (field === 'jaar' ? u.yearInvalid : field === 'rijbewijs' ? u.licenceInvalid : u.levelInvalid),
    'bestaat-al': (_p, field) => (field === 'taal' ? u.languageExists : field === 'titel' ? u.occupationExists : u.competenceExists),
    'onbekend-beroep': () => u.occupationUnknown,
    'onbekende-isco-code': () => u.iscoCodeUnknown,
    gewijzigd: (p) => u.changedMeanwhile(p['by'] ?? ''),
    verwijderd: () => u.removedMeanwhile,
  },
  documents: {
    verplicht: (_p, field) => (field === 'reden' ? d.reasonRequired : d.publicationNameRequired),
    'te-lang': tooLong,
    onbekend: () => d.stepUnknown,
    'al-ingetrokken': () => d.alreadyWithdrawn,
  },
  attests: {
    verplicht: (_p, field) => (field === 'insz' ? a.inszRequired : field === 'familienaam' ? a.familyNameRequired : field === 'voornaam' ? a.firstNameRequired : a.reasonRequired),
    'te-lang': tooLong,
    formaat: () => a.inszFormat,
    controlegetal: () => a.inszChecksum,
    datum: () => a.inszDate,
    'past-niet-bij-insz': () => a.birthDateMismatch,
    'niet-na-start': () => a.endNotAfterStart,
    'te-lang-periode': (p) => a.periodTooLong(Number(p['months']), date(p['lastAllowed'])),
    'niet-na-huidige': (p) => a.endNotAfterCurrent(date(p['current'])),
    'al-toegang': () => a.alreadyAccess,
    'al-ingediend': () => a.alreadyRequested,
    eindtoestand: (p) => a.lineEnded(stepState(p['state'])),
    // O12: decided meanwhile (with the outcome and who, when known) or changed meanwhile.
    gewijzigd: (p) => (p['state'] === undefined ? a.changedMeanwhile : a.alreadyHandled(ATTEST_STATE_LABELS[p['state'] as AttestState], p['by'] || 'een collega')),
    'attest-gewijzigd': () => a.attestChanged,
  },
} satisfies Readonly<Record<string, ProblemMessages>>;

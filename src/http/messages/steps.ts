/** Stappen naar werk (O1–O12) and the Traject page. */

/** Begeleiding > Traject: the link from its read-only Gewenste jobs to Profiel (issue 15). */
export const trajectory = {
  noDesiredJobs: 'Er zijn nog geen gewenste jobs.',
  changeDesiredJobs: 'Gewenste jobs wijzigen in Profiel & Gewenste jobs',
  viewDesiredJobs: 'Naar Profiel & Gewenste jobs',
} as const;

export const steps = {
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
  /** O4, issue 15 defect 8: said before the form, not after it. */
  runningBeforeForm: 'Deze klant heeft al een lijn Outplacement in toestand Bezig van jouw organisatie. Een tweede kan je niet toevoegen: werk verder met die lijn.',
  openRunningLine: 'Open de lijn Outplacement',
  changedMeanwhile: (by: string) => `Deze stap werd intussen gewijzigd door ${by}. Bekijk de huidige gegevens en bevestig je wijziging opnieuw.`,
  reasonRequired: 'Vul de reden in',
  requestOpen: 'Er loopt al een verzoek tot stopzetting voor deze lijn',
  registered: (type: string) => `De stap ${type} is toegevoegd.`,
  changed: 'De wijzigingen zijn opgeslagen.',
  nothingChanged: 'Er was niets gewijzigd.',
  summaryAppended: 'De samenvatting is aangevuld.',
  stopRequested: 'Het verzoek tot stopzetting is verstuurd naar de sociale interventieadviseur.',
  /** O8 (issue 15 defects 5 and 9): what a stop did, in the banner after it. */
  stopped: (type: string, date: string) => `De lijn ${type} is stopgezet op ${date}.`,
  stopPlanned: (type: string, date: string) => `De stopzetting van de lijn ${type} is gepland op ${date}; tot dan blijft ze Bezig.`,
  plannedStopNotice: (date: string) => `Stopzetting gepland op ${date}`,
  plannedStopPartner: (date: string) => `De sociale interventieadviseur plande de stopzetting van deze lijn op ${date}. Tot dan blijft ze Bezig; op die dag komt ze automatisch op Stopgezet.`,
  stopDateHint: 'Voorbeeld: 21/02/2019',
  stopDateHintPeriod: (start: string, end: string) => `Voorbeeld: 21/02/2019. Van ${start} tot en met ${end}; een datum na vandaag plant de stopzetting.`,
  stopAlreadyPlanned: (date: string) => `De stopzetting van deze lijn is al gepland op ${date}`,
  dateAfterEnd: (start: string, end: string) => `De datum van stopzetting moet binnen de periode van de lijn liggen (${start} tot en met ${end})`,
  /** O7 (issue 15 defect 9): what a cancellation did, with a link to the cancelled lines. */
  cancelled: (type: string) => `De lijn ${type} is geannuleerd; ze staat niet meer in het overzicht.`,
  showCancelled: 'Toon geannuleerde lijnen',
  ended: (type: string, state: string) => `De lijn ${type} staat op ${state}.`,
  requestDeclined: 'Het verzoek tot stopzetting is afgewezen.',
} as const;

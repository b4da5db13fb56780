/** Finding clients: "Mijn klanten" and the search by INSZ or name. */

/** "Mijn klanten": the organisation's running Outplacement line of each client (issue 15 defect 12). */
export const myClients = {
  noRunningLine: 'Geen lopende lijn',
  running: 'Bezig',
  runningUntil: (end: string) => `Bezig tot ${end}`,
  /** Issue 16: paging. */
  shown: (first: string, last: string, total: string) => `${first} tot ${last} van ${total} klanten`,
  pageMissing: (requested: string, shown: string) => `Pagina ${requested} bestaat niet. Je ziet pagina ${shown}, de laatste.`,
  landmark: 'Paginering van mijn klanten',
} as const;

/** The words of every paged list (govuk pagination). */
export const pagination = {
  pageLabel: (page: string) => `Pagina ${page}`,
  previous: 'Vorige',
  next: 'Volgende',
} as const;

export const search = {
  queryRequired: 'Vul een INSZ-nummer of een naam in',
  inszInvalid: 'Vul een geldig INSZ-nummer in: 11 cijfers, zoals 85.07.30-033.28',
  queryTooShort: 'Vul minstens 2 letters van de naam in',
} as const;

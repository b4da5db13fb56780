/** Partner API v1 (issue 17): the page "API-sleutels" and the titles of the API's problems. */
import { formatDate, type CalendarDate } from '../../domain/calendar-date.ts';

export const apiTokens = {
  title: 'API-sleutels',
  newTitle: 'Nieuwe API-sleutel',
  createdTitle: 'API-sleutel aangemaakt',
  nameRequired: 'Vul de naam van de sleutel in',
  scopesRequired: 'Kies minstens één recht',
  expiryRequired: 'Vul de vervaldatum in',
  expiryNotAfterToday: 'De vervaldatum moet na vandaag liggen',
  expiryTooFar: (last: CalendarDate) => `Een sleutel is hoogstens 12 maanden geldig: kies een vervaldatum tot en met ${formatDate(last)}`,
  revoked: (name: string) => `De API-sleutel ${name} is ingetrokken. Systemen die hem gebruiken, krijgen geen toegang meer.`,
  alreadyRevoked: (name: string) => `De API-sleutel ${name} was al ingetrokken.`,
  states: { actief: 'Actief', verlopen: 'Verlopen', ingetrokken: 'Ingetrokken' },
  scopeLabels: {
    'dossiers:read': 'Dossiers lezen (klantenlijst, dossier, stappen, logboek)',
    'stappen:write': 'Stappen registreren en wijzigen',
    'documenten:write': 'Documenten toevoegen',
    'aanvragen:write': 'Toegang en verlenging aanvragen, en die aanvragen opvolgen',
  } as Readonly<Record<string, string>>,
  neverUsed: 'Nog niet gebruikt',
};

/** Field messages of the API's own (the forms' messages are used wherever the form has the field). */
export const apiFields = {
  isoDateInvalid: 'Vul een bestaande datum in volgens ISO 8601, zoals 2026-11-29',
};

/** The `title` of each problem the API answers (RFC 9457), keyed by the stable `type`'s last part. */
export const apiProblems = {
  'niet-aangemeld': 'Geen geldige API-sleutel',
  'geen-recht': 'Deze API-sleutel heeft dit recht niet',
  'niet-gevonden': 'Niet gevonden',
  'ongeldige-invoer': 'De invoer is niet geldig',
  'gewijzigd': 'De gegevens zijn intussen gewijzigd',
  'if-match-vereist': 'Vermeld de versie waarop de wijziging steunt (If-Match)',
  'idempotency-sleutel-hergebruikt': 'Deze Idempotency-Key is al gebruikt voor een ander verzoek',
  'verzoek-loopt': 'Een verzoek met deze Idempotency-Key wordt nog behandeld',
  'niet-toegestaan': 'Dit is niet toegestaan',
  'te-veel-verzoeken': 'Te veel verzoeken: probeer het later opnieuw',
  'ongeldig-adres': 'Dit adres is niet geldig',
  'bestand-geweigerd': 'Het bestand wordt niet aanvaard',
  'te-groot': 'De inhoud van het verzoek is te groot',
  'niet-beschikbaar': 'Het bestand van dit document is niet beschikbaar',
  'serverfout': 'Er ging iets mis aan onze kant',
} as const;

export type ApiProblemType = keyof typeof apiProblems;

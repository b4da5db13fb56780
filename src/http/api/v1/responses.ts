/** The problem answers of a route's schema, as `application/problem+json` (RFC 9457). */
import { Type } from 'typebox';

const DESCRIPTIONS: Readonly<Record<number, string>> = {
  400: 'Ongeldige invoer: `fouten` noemt elk veld met zijn melding',
  401: 'Geen, een ongeldige, ingetrokken of verlopen API-sleutel (met WWW-Authenticate)',
  403: 'De sleutel heeft dit recht niet, of de regels laten het niet toe',
  404: 'Onbekend, ongeldig of niet toegankelijk voor uw organisatie (A1): hetzelfde antwoord',
  409: 'Een verzoek met deze Idempotency-Key wordt nog behandeld',
  410: 'Het document bestaat, maar zijn bestand is niet beschikbaar',
  412: 'If-Match is niet meer de huidige versie: `huidig` geeft de stap zoals hij nu is',
  413: 'Het bestand of het verzoek is te groot',
  415: 'Het bestand is van een soort die niet aanvaard wordt, of zijn inhoud past niet bij zijn naam of type (`reden`, `fouten`)',
  422: 'Deze Idempotency-Key werd al gebruikt voor een ander verzoek, of (bij een upload) het bestand wordt niet aanvaard (`reden`, `fouten`)',
  428: 'If-Match ontbreekt',
  429: 'Te veel verzoeken voor deze sleutel (zie RateLimit-* en Retry-After)',
};

export function problemResponses(...statuses: number[]): Record<number, unknown> {
  return Object.fromEntries(statuses.map((status) => [status, { description: DESCRIPTIONS[status] ?? 'Fout', content: { 'application/problem+json': { schema: Type.Ref('Probleem') } } }]));
}

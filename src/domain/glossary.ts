/**
 * Glossary of the domain words that stay Dutch in the code, because they are the words the
 * users and the manual use and have no exact English equivalent.
 *
 * - INSZ: identificatienummer van de sociale zekerheid (Belgian national number, 11 digits).
 * - Vestiging: an office of an organisation, shown as `NAAM (code)`.
 * - Attest (outplacement): the attest signed by the client that gives a partner organisation
 *   access to the client's dossier for a period.
 * - Toestand: the state of a step (Bezig, Geannuleerd, Stopgezet, Uitgevoerd).
 * - Samenvatting: free-text summary of a step.
 * - Financieringsnummer: funding number, the project under which a partner registers.
 * - Begeleider: consultant of a partner office.
 * - Ingeschreven als werkzoekende: registered as a job seeker with the public service (with a date).
 * - Gewenste job: a desired job (an occupation of the catalogue, with experience, regions, regime).
 * - Voltijds / deeltijds: full-time / part-time working regime.
 * - Interne opmerking: an internal note, visible only inside the organisation that wrote it (K3).
 * - Klantenportret: the one-page summary of the client's dossier.
 */
export {};

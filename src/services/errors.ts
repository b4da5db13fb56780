/** The dossier does not exist for this user: unknown, malformed, or no access (A1). Shown as 404. */
export class DossierNotFoundError extends Error {
  override name = 'DossierNotFoundError';
  constructor() {
    super('Dossier niet gevonden');
  }
}

/** The user's role may not use this function at all. Shown as 403. */
export class ForbiddenError extends Error {
  override name = 'ForbiddenError';
  constructor(what: string) {
    super(`Niet toegestaan: ${what}`);
  }
}

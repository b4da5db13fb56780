/** The dossier does not exist for this user: unknown, malformed, or no access (A1). Shown as 404. */
export class DossierNotFoundError extends Error {
  override name = 'DossierNotFoundError';
  constructor() {
    super('Dossier niet gevonden');
  }
}

/**
 * The attest request does not exist for this user: unknown, malformed, or not the user's to see
 * (another organisation's, a kind it does not handle, or its client no longer open to it, A1).
 * Shown as 404, like an unknown dossier.
 */
export class AttestRequestNotFoundError extends Error {
  override name = 'AttestRequestNotFoundError';
  constructor() {
    super('Aanvraag niet gevonden');
  }
}

/** The user's role may not use this function at all. Shown as 403. */
export class ForbiddenError extends Error {
  override name = 'ForbiddenError';
  constructor(what: string) {
    super(`Niet toegestaan: ${what}`);
  }
}

/** Something that does not exist for this user: unknown, malformed, or not theirs to see (A1). Shown as 404. */
export abstract class NotFoundError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** The dossier does not exist for this user: unknown, malformed, or no access (A1). Shown as 404. */
export class DossierNotFoundError extends NotFoundError {
  constructor() {
    super('Dossier niet gevonden');
  }
}

/**
 * The attest request does not exist for this user: unknown, malformed, or not the user's to see
 * (another organisation's, a kind it does not handle, or its client no longer open to it, A1).
 * Shown as 404, like an unknown dossier.
 */
export class AttestRequestNotFoundError extends NotFoundError {
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

/**
 * The document exists and may be read, but its file is missing from the storage: the bytes were
 * lost, not the right to see them. Shown as 410; `documentId` and `sha256` (no names) for the log.
 */
export class DocumentContentMissingError extends Error {
  override name = 'DocumentContentMissingError';
  readonly documentId: string;
  readonly sha256: string;
  constructor(documentId: string, sha256: string) {
    super(`Het bestand van document ${documentId} ontbreekt`);
    this.documentId = documentId;
    this.sha256 = sha256;
  }
}

/**
 * An administered record (organisation, office, funding number, step type, occupation) that does
 * not exist for this user: unknown, malformed, or of another organisation. Shown as 404.
 */
export class RecordNotFoundError extends NotFoundError {
  constructor() {
    super('Niet gevonden');
  }
}

/**
 * The user does not exist for this administrator: unknown, malformed, or of another organisation
 * (a partnerbeheerder administers only its own). Shown as 404, like an unknown dossier.
 */
export class UserNotFoundError extends NotFoundError {
  constructor() {
    super('Gebruiker niet gevonden');
  }
}

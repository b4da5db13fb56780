/** The actions of the audit log. Stable strings: they are stored and read back by the log pages. */
export const AuditAction = {
  loginSucceeded: 'login.geslaagd',
  loginFailed: 'login.mislukt',
  /** The old hard lock (before migration 0015); no longer written, kept for the records that carry it. */
  accountLocked: 'account.geblokkeerd',
  logout: 'afgemeld',
  sessionExpired: 'sessie.verlopen',
  /** "Afmelden op alle andere toestellen" (issue 13): `endedSessions` in the details. */
  otherSessionsEnded: 'sessies.andere-beeindigd',
  /** The holder of an address was mailed after 10 failed logins in a series (issue 13). */
  failedLoginsNotified: 'login.melding-verstuurd',
  userDisabled: 'gebruiker.uitgeschakeld',
  dossierOpened: 'dossier.geopend',
  dossierRefused: 'dossier.geweigerd',
  clientsSearched: 'klanten.gezocht',
  stepRegistered: 'stap.geregistreerd',
  stepChanged: 'stap.gewijzigd',
  summaryAppended: 'stap.samenvatting-aangevuld',
  summaryClosed: 'stap.samenvatting-afgesloten',
  stopRequested: 'stopverzoek.ingediend',
  stopRequestAccepted: 'stopverzoek.aanvaard',
  stopRequestDeclined: 'stopverzoek.afgewezen',
  stopRequestLapsed: 'stopverzoek.vervallen',
  documentAdded: 'document.toegevoegd',
  documentDownloaded: 'document.gedownload',
  documentWithdrawn: 'document.ingetrokken',
  /** D7: the organisation that added a document corrected its kind (old and new in the details). */
  documentKindChanged: 'document.soort-gewijzigd',
  /** A download found the document's file missing from the storage (nothing was sent). */
  documentContentMissing: 'document.bestand-ontbreekt',
  // Keeping the dossier up to date (K1–K3): one record per changed field, with old and new value.
  contactChanged: 'contactgegevens.gewijzigd',
  jobSeekerRegistrationChanged: 'inschrijving-werkzoekende.gewijzigd',
  availabilityChanged: 'beschikbaarheid.gewijzigd',
  desiredJobAdded: 'gewenste-job.toegevoegd',
  desiredJobChanged: 'gewenste-job.gewijzigd',
  desiredJobRemoved: 'gewenste-job.verwijderd',
  cvItemAdded: 'cv.toegevoegd',
  cvItemChanged: 'cv.gewijzigd',
  cvItemRemoved: 'cv.verwijderd',
  internalNoteAdded: 'interne-opmerking.toegevoegd',
  occupationAdded: 'beroep.toegevoegd',
  // Access by the signed attest outplacement (A2–A4).
  attestRequested: 'attest.aangevraagd',
  extensionRequested: 'attest.verlenging-aangevraagd',
  attestApproved: 'attest.goedgekeurd',
  attestRejected: 'attest.afgewezen',
  attestExtended: 'attest.verlengd',
  originalReceived: 'attest.origineel-ontvangen',
  attestScanDownloaded: 'attest.scan-gedownload',
  attestPrinted: 'attest.afgedrukt',
  clientCreated: 'klant.aangemaakt',
  viewersExported: 'dossier.raadplegingen-geexporteerd',
  // Administration (issue 12): every change with old and new values, see services/admin/admin-audit.ts.
  organisationCreated: 'organisatie.aangemaakt',
  organisationChanged: 'organisatie.gewijzigd',
  stepTypesAllowedChanged: 'organisatie.staptypes-gewijzigd',
  officeCreated: 'vestiging.aangemaakt',
  officeChanged: 'vestiging.gewijzigd',
  fundingNumberCreated: 'financieringsnummer.aangemaakt',
  fundingNumberChanged: 'financieringsnummer.gewijzigd',
  stepTypeChanged: 'staptype.gewijzigd',
  occupationRenamed: 'beroep.hernoemd',
  occupationRetired: 'beroep.uitgefaseerd',
  // Accounts (issue 12): administration, invitations and password resets; details name the `userId`.
  userInvited: 'gebruiker.uitgenodigd',
  invitationResent: 'gebruiker.uitnodiging-opnieuw',
  userChanged: 'gebruiker.gewijzigd',
  userEnabled: 'gebruiker.ingeschakeld',
  userUnlocked: 'gebruiker.gedeblokkeerd',
  passwordResetRequested: 'wachtwoord.vergeten',
  passwordChosen: 'wachtwoord.gekozen',
  // The second factor (issue 13, ASVS 6.3.3, 6.5): details name the `userId` where an administrator acts.
  /** The password was right; the login waits for the second factor (or its enrolment). */
  passwordAccepted: 'login.wachtwoord-juist',
  secondFactorEnrolled: 'tweestapsverificatie.ingesteld',
  secondFactorFailed: 'tweestapsverificatie.mislukt',
  secondFactorReset: 'tweestapsverificatie.gereset',
  recoveryCodeUsed: 'herstelcode.gebruikt',
  // Partner API v1 (issue 17): the partnerbeheerder's API tokens; details name the `tokenId`.
  apiTokenCreated: 'api-sleutel.aangemaakt',
  apiTokenRevoked: 'api-sleutel.ingetrokken',
  // Webhooks of the partner API (issue 17): details name the endpoint (`subjectId`) and its URL, never its secret.
  webhookCreated: 'webhook.aangemaakt',
  webhookEnabled: 'webhook.ingeschakeld',
  webhookDisabled: 'webhook.uitgeschakeld',
  webhookDeleted: 'webhook.verwijderd',
} as const;

export type AuditActionName = (typeof AuditAction)[keyof typeof AuditAction];

/** The actions that make up the history of the steps (the dossier's log and a line's history). */
export const STEP_ACTIONS: readonly AuditActionName[] = [
  AuditAction.stepRegistered,
  AuditAction.stepChanged,
  AuditAction.summaryAppended,
  AuditAction.summaryClosed,
  AuditAction.stopRequested,
  AuditAction.stopRequestAccepted,
  AuditAction.stopRequestDeclined,
  AuditAction.stopRequestLapsed,
];

/** D5: the actions that make up "Volledige logging" of the documents. */
export const DOCUMENT_ACTIONS: readonly AuditActionName[] = [
  AuditAction.documentAdded,
  AuditAction.documentDownloaded,
  AuditAction.documentKindChanged,
  AuditAction.documentWithdrawn,
];

/**
 * K2: the changes to profile, desired jobs and CV, shown in the dossier's "Wijzigingen". Internal
 * notes are not among them: their log rows (without the text) stay out of other organisations' sight.
 */
export const UPKEEP_ACTIONS: readonly AuditActionName[] = [
  AuditAction.contactChanged,
  AuditAction.jobSeekerRegistrationChanged,
  AuditAction.availabilityChanged,
  AuditAction.desiredJobAdded,
  AuditAction.desiredJobChanged,
  AuditAction.desiredJobRemoved,
  AuditAction.cvItemAdded,
  AuditAction.cvItemChanged,
  AuditAction.cvItemRemoved,
];

/** A6: what "Wie bekeek dit dossier" lists: every opening of a dossier page and every download. */
export const VIEW_ACTIONS: readonly AuditActionName[] = [AuditAction.dossierOpened, AuditAction.documentDownloaded, AuditAction.attestScanDownloaded];

/** "Wijzigingen" of a user: every administrative change and what the user did with a link. */
export const USER_ACTIONS: readonly AuditActionName[] = [
  AuditAction.userInvited,
  AuditAction.invitationResent,
  AuditAction.userChanged,
  AuditAction.userDisabled,
  AuditAction.userEnabled,
  AuditAction.userUnlocked,
  AuditAction.passwordResetRequested,
  AuditAction.passwordChosen,
  AuditAction.secondFactorEnrolled,
  AuditAction.secondFactorReset,
];

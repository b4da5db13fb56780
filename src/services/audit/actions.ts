/** The actions of the audit log. Stable strings: they are stored and read back by the log pages. */
export const AuditAction = {
  loginSucceeded: 'login.geslaagd',
  loginFailed: 'login.mislukt',
  accountLocked: 'account.geblokkeerd',
  logout: 'afgemeld',
  sessionExpired: 'sessie.verlopen',
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
];

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
} as const;

export type AuditActionName = (typeof AuditAction)[keyof typeof AuditAction];

/** Signing in and out. */

export const login = {
  emailRequired: 'Vul je e-mailadres in',
  emailFormat: 'Vul een e-mailadres in zoals naam@voorbeeld.be',
  passwordRequired: 'Vul je wachtwoord in',
  /** One message for every failure: no hint whether the address exists or is locked. */
  failed: 'Het e-mailadres of het wachtwoord is niet juist. Na 5 mislukte pogingen moet je telkens langer wachten voor je het opnieuw kunt proberen.',
  /** Issue 13: an attempt inside the growing delay; the same for every address, known or not. */
  delayed: (time: string) => `Te veel mislukte aanmeldpogingen. Je kunt het opnieuw proberen vanaf ${time}.`,
  tooManyAttempts: 'Te veel aanmeldpogingen. Wacht enkele minuten en probeer het dan opnieuw.',
  loggedOut: 'Je bent afgemeld.',
  sessionEnded: 'Je sessie is beëindigd. Meld je opnieuw aan.',
} as const;

/** The second factor (issue 13, ASVS 6.3.3, 6.5): "Tweestapsverificatie instellen" and "Verificatiecode". */

export const secondFactor = {
  setUpTitle: 'Tweestapsverificatie instellen',
  setTitle: 'Tweestapsverificatie',
  recoveryTitle: 'Je herstelcodes',
  verifyTitle: 'Verificatiecode',
  qrAlt: 'QR-code om het Loopbaanportaal toe te voegen aan je authenticator-app',
  enrolled: 'Tweestapsverificatie is ingesteld. Bewaar je herstelcodes op een veilige plaats.',
  required: 'Het Loopbaanportaal vraagt voortaan bij elke aanmelding een code uit een authenticator-app. Stel tweestapsverificatie nu in om verder te gaan.',
  recoveryCodesLeft: (n: number) => `Je hebt nog ${String(n)} ${n === 1 ? 'herstelcode' : 'herstelcodes'}.`,
  recoveryCodeUsed: (n: number) =>
    n === 0
      ? 'Je hebt je laatste herstelcode gebruikt. Vraag je beheerder om je tweestapsverificatie opnieuw in te stellen als je je app kwijt bent.'
      : `Je hebt een herstelcode gebruikt. Je hebt er nog ${String(n)}.`,
  pendingExpired: 'Je aanmelding is verlopen. Meld je opnieuw aan.',
  resetDone: (email: string) => `De tweestapsverificatie van ${email} is gewist. Bij de volgende aanmelding stelt de gebruiker een nieuwe in.`,
  problems: {
    verplicht: 'Vul de verificatiecode in',
    'zes-cijfers': 'Vul de 6 cijfers in die je app nu toont',
    vorm: 'Vul de 6 cijfers uit je app in, of een herstelcode van 24 letters en cijfers',
    fout: 'De code is niet juist. Controleer of de tijd op je toestel juist staat en vul de code in die je app nu toont.',
    verlopen: 'Deze code is verlopen. Vul de code in die je app nu toont.',
    hergebruikt: 'Deze code is al gebruikt. Wacht tot je app een nieuwe code toont.',
    herstelcode: 'Deze herstelcode is niet juist of werd al gebruikt. Elke herstelcode werkt maar één keer.',
    geblokkeerd: 'Te veel mislukte pogingen. Wacht even en probeer het dan opnieuw.',
    'al-ingesteld': 'Tweestapsverificatie is al ingesteld.',
    'opnieuw-aanmelden': 'Je aanmelding is niet meer geldig. Meld je opnieuw aan.',
  },
} as const;

/** Documents: adding, the upload checks, correcting the kind, withdrawing. */

export const documents = {
  publicationNameRequired: 'Vul de publicatienaam in',
  kindRequired: 'Kies de soort van het document',
  kindHint: 'Kies wat het document is. Een actieplan en een eindverslag tellen mee in het Klantenportret.',
  kindPreselected: (kind: string) =>
    `${kind} is alvast gekozen: de lijn Outplacement van je organisatie loopt en heeft nog geen actieplan. Kies een andere soort als het document iets anders is.`,
  kindChange: (from: string, to: string) => `Soort: van ${from} naar ${to}`,
  kindCorrected: (name: string, kind: string) => `De soort van het document ${name} is gewijzigd in ${kind}.`,
  kindUnchanged: 'Er was niets gewijzigd.',
  kindChangedMeanwhile: (by: string) =>
    by === ''
      ? 'De soort van dit document werd intussen door iemand anders gewijzigd. Bekijk de huidige soort en bewaar je wijziging opnieuw.'
      : `De soort van dit document werd intussen gewijzigd door ${by}. Bekijk de huidige soort en bewaar je wijziging opnieuw.`,
  stepUnknown: 'Deze stap hoort niet bij dit dossier',
  upload: {
    'geen-bestand': 'Kies het document dat je wilt toevoegen',
    leeg: 'Het gekozen bestand is leeg',
    'te-groot': (maxMb: number) => `Het document mag hoogstens ${maxMb} MB groot zijn`,
    quotum:
      'Je hebt vandaag het maximum aan bestanden opgeladen dat per dag toegelaten is: dit bestand is niet bewaard. Probeer het morgen opnieuw, of vraag de beheerder van het portaal om hulp.',
    'type-niet-toegelaten': (formats: string) => `Het document moet een ${formats} zijn`,
    'komt-niet-overeen': (formats: string) =>
      `De inhoud van het bestand komt niet overeen met de naam of het type ervan: kies een ${formats} met de juiste extensie`,
    'naam-ongeldig': 'De bestandsnaam bevat mapnamen of ongeldige tekens: geef het bestand een gewone naam en kies het opnieuw',
    'zip-te-groot': (maxMb: number) => `Het document is uitgepakt groter dan ${maxMb} MB en wordt niet aanvaard`,
    'zip-te-veel-onderdelen': (max: string) => `Het document bestaat uit meer dan ${max} onderdelen en wordt niet aanvaard`,
    'zip-ongeldig': 'Het document is geen geldig DOCX- of ODT-bestand',
    macro: 'Het document bevat macro\'s of ActiveX-onderdelen en wordt niet aanvaard: sla het op als gewoon document (DOCX of ODT zonder macro\'s) en kies het opnieuw',
    'externe-koppeling':
      'Het document haalt bij het openen inhoud van buiten het bestand op (een externe sjabloon, afbeelding of object) en wordt niet aanvaard: sla het op zonder externe koppelingen',
    'pdf-actieve-inhoud': 'De PDF bevat JavaScript, een startactie of ingesloten bestanden en wordt niet aanvaard: druk het document opnieuw af naar PDF en kies het opnieuw',
    'pdf-niet-leesbaar': 'De PDF kan niet gecontroleerd worden: druk het document opnieuw af naar PDF en kies het opnieuw',
  },
  chooseAgain: 'Kies het bestand opnieuw: een browser onthoudt het niet.',
  added: (name: string) => `Het document ${name} is toegevoegd.`,
  reasonRequired: 'Vul de reden van de intrekking in',
  alreadyWithdrawn: 'Dit document is al ingetrokken',
  withdrawn: (name: string) => `Het document ${name} is ingetrokken.`,
} as const;

/** View data for "Wachtwoord vergeten?" and "Wachtwoord kiezen" (issue 12). */
import { PASSWORD_RULES } from '../../../domain/accounts/passwords.ts';
import type { TokenPurpose } from '../../../domain/accounts/tokens.ts';
import { errorFor, type FieldErrors } from '../form.ts';

export function presentForgotPassword(input: { email?: string; errors?: FieldErrors }) {
  return {
    title: 'Wachtwoord vergeten',
    errors: input.errors ?? [],
    email: { value: input.email ?? '', errorMessage: errorFor(input.errors, 'email') },
  };
}

export type ForgotPasswordView = ReturnType<typeof presentForgotPassword>;

export function presentChoosePassword(input: { token: string; purpose: TokenPurpose; email: string; errors?: FieldErrors }) {
  return {
    title: 'Wachtwoord kiezen',
    errors: input.errors ?? [],
    token: input.token,
    email: input.email,
    intro: input.purpose === 'invite' ? 'Welkom in het Loopbaanportaal. Kies je wachtwoord; daarna meld je je aan met je e-mailadres en dit wachtwoord.' : 'Kies een nieuw wachtwoord. Daarna ben je overal afgemeld en meld je je opnieuw aan.',
    hint: `Minstens ${String(PASSWORD_RULES.minLength)} en hoogstens ${String(PASSWORD_RULES.maxLength)} tekens. Alle tekens mogen, ook spaties: een zin van enkele woorden is sterk en makkelijk te onthouden. Een veelgebruikt of gelekt wachtwoord, je e-mailadres of je naam wordt geweigerd.`,
    password: { errorMessage: errorFor(input.errors, 'wachtwoord') },
    confirmation: { errorMessage: errorFor(input.errors, 'wachtwoord-herhaling') },
  };
}

export type ChoosePasswordView = ReturnType<typeof presentChoosePassword>;

export function presentInvalidLink(message: string) {
  return { title: 'Link niet geldig', message };
}

export type InvalidLinkView = ReturnType<typeof presentInvalidLink>;

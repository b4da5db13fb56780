import { BRUSSELS_TIME_SECONDS } from '../../../domain/calendar-date.ts';
import { messages } from '../../messages/index.ts';
import { errorFor, type FieldErrors } from '../form.ts';

export function presentLoginPage(input: { email?: string; errors?: FieldErrors; notice?: 'afgemeld' }) {
  return {
    title: 'Aanmelden',
    errors: input.errors ?? [],
    notice: input.notice === 'afgemeld' ? messages.login.loggedOut : null,
    email: { value: input.email ?? '', errorMessage: errorFor(input.errors, 'email') },
    password: { errorMessage: errorFor(input.errors, 'password') },
  };
}

export type LoginPageView = ReturnType<typeof presentLoginPage>;

/** The message for an attempt inside the login delay: the time in Brussels from which to try again. */
export function delayedMessage(from: Date): string {
  return messages.login.delayed(BRUSSELS_TIME_SECONDS.format(from));
}

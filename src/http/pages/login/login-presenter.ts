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

/** View data of the second factor's pages: set up, recovery codes, status, and "Verificatiecode". */
import { groupedSecret } from '../../../domain/accounts/totp.ts';
import { messages } from '../../messages/index.ts';
import { errorFor, type FieldErrors } from '../form.ts';
import { qrCodeDataUrl } from './second-factor-qr.ts';

const texts = messages.secondFactor;

/** "Tweestapsverificatie instellen": the QR code, the secret as text, and the field for the first code. */
export function presentSetup(input: { secret: string; uri: string; action: string; required: boolean; errors?: FieldErrors }) {
  return {
    title: texts.setUpTitle,
    errors: input.errors ?? [],
    notice: input.required ? texts.required : null,
    qr: { src: qrCodeDataUrl(input.uri), alt: texts.qrAlt },
    secret: groupedSecret(input.secret),
    action: input.action,
    code: { errorMessage: errorFor(input.errors, 'code') },
  };
}

/** The 10 recovery codes, shown once, right after the first code confirmed the enrolment. */
export function presentRecoveryCodes(input: { codes: readonly string[] }) {
  return { title: texts.recoveryTitle, banner: texts.enrolled, codes: input.codes, next: '/' };
}

/** For a user who has a second factor already. */
export function presentStatus(input: { recoveryCodesLeft: number }) {
  return { title: texts.setTitle, left: texts.recoveryCodesLeft(input.recoveryCodesLeft) };
}

/** "Verificatiecode": one field for the app's code or a recovery code. */
export function presentVerify(input: { errors?: FieldErrors } = {}) {
  return { title: texts.verifyTitle, errors: input.errors ?? [], action: '/aanmelden/verificatiecode', code: { errorMessage: errorFor(input.errors, 'code') } };
}

export type SetupView = ReturnType<typeof presentSetup>;
export type VerifyView = ReturnType<typeof presentVerify>;

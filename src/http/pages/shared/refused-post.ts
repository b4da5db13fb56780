/**
 * A refused form post shown again: the field errors (from the form check or the service's
 * problems), status 409 on a conflict (O12) with the typed input moved to the current version,
 * otherwise 400 with the input as typed.
 */
import type { Problem } from '../../../domain/result.ts';
import { problemMessages, type ProblemMessages } from '../../messages/index.ts';
import type { FieldErrors } from '../form.ts';
import { problemsToErrors, statusOf } from './problems.ts';

export type Refusal = Readonly<{ errors: FieldErrors }> | Readonly<{ problems: readonly Problem[] }>;

export function refusedPost<F extends { versie: string }>(
  input: F,
  refusal: Refusal,
  currentVersion: number,
  texts: ProblemMessages = problemMessages.upkeep,
): { kept: F; errors: FieldErrors; status: 400 | 409 } {
  if ('errors' in refusal) return { kept: input, errors: refusal.errors, status: 400 };
  const status = statusOf(refusal.problems);
  return {
    kept: status === 409 ? { ...input, versie: String(currentVersion) } : input,
    errors: problemsToErrors(refusal.problems, texts),
    status,
  };
}

/** The decision form of a request (A3, A4): Goedkeuren or Afwijzen with a Reden, and "Origineel ontvangen". */
import type { Decision } from '../../../services/attests/attest-handling-service.ts';
import { textField, type RawForm } from '../form.ts';
import { readVersion } from '../shared/version.ts';

/** What the handler typed, kept to be shown again. */
export type DecisionInput = Readonly<{ reason: string; originalReceived: boolean }>;

/** The decision, or undefined when nothing was chosen (neither a button nor "Origineel ontvangen"). */
export function readDecisionForm(form: RawForm): { input: DecisionInput; decision: Decision | undefined } {
  const reason = textField(form, 'reden');
  const originalReceived = textField(form, 'origineel') === 'ja';
  const version = readVersion(form);
  const action = textField(form, 'actie');
  let decision: Decision | undefined;
  if (action === 'goedkeuren') decision = { action, version, originalReceived };
  else if (action === 'afwijzen') decision = { action, version, originalReceived, reason };
  else if (originalReceived) decision = { action: 'origineel', version };
  return { input: { reason, originalReceived }, decision };
}

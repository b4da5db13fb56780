/**
 * Issue 15 defect 9: the confirmation page of a final action (Geannuleerd, Stopzetten,
 * Goedkeuren, Afwijzen). The page repeats what will happen and posts the same choice again with
 * `bevestigd=ja`; `bevestigd=nee` goes back to the form with everything kept.
 */
import { textField, type RawForm } from '../form.ts';
import { messages } from '../../messages/index.ts';

export type ConfirmView = Readonly<{
  title: string;
  rows: { key: { text: string }; value: { text: string } }[];
  notice: string | null;
  warning: string;
  action: string;
  /** What the form posted, sent again as hidden fields. */
  fields: { name: string; value: string }[];
  confirmText: string;
  backText: string;
  destructive: boolean;
}>;

/** The answer on the confirmation page: yes, no, or not asked yet. */
export type Confirmation = 'ja' | 'nee' | null;

export function readConfirmation(form: RawForm): Confirmation {
  const value = textField(form, 'bevestigd');
  return value === 'ja' || value === 'nee' ? value : null;
}

export function confirmView(view: Omit<ConfirmView, 'backText' | 'notice' | 'destructive'> & Partial<Pick<ConfirmView, 'backText' | 'notice' | 'destructive'>>): ConfirmView {
  return { notice: null, destructive: true, backText: messages.confirm.back, ...view };
}

export const summaryRow = (key: string, value: string): { key: { text: string }; value: { text: string } } => ({ key: { text: key }, value: { text: value === '' ? '–' : value } });

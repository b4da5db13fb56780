import { normaliseName } from '../../../domain/client-search.ts';
import { parseInsz } from '../../../domain/insz.ts';
import type { ClientSearch } from '../../../services/dossiers/dossier-service.ts';
import { messages } from '../../messages/index.ts';
import { asRawForm, textField, type FormResult } from '../form.ts';

/** One field: digits are an INSZ, anything else a name. */
export function parseSearchForm(body: unknown): FormResult<ClientSearch> {
  const query = textField(asRawForm(body), 'zoekterm');
  if (query === '') return { ok: false, errors: [{ field: 'zoekterm', message: messages.search.queryRequired }] };
  if (/^[\d\s.-]+$/.test(query)) {
    const insz = parseInsz(query);
    return insz.ok ? { ok: true, value: { kind: 'insz', value: insz.insz } } : { ok: false, errors: [{ field: 'zoekterm', message: messages.search.inszInvalid }] };
  }
  if (normaliseName(query).replaceAll(' ', '').length < 2) return { ok: false, errors: [{ field: 'zoekterm', message: messages.search.queryTooShort }] };
  return { ok: true, value: { kind: 'naam', value: query.slice(0, 100) } };
}

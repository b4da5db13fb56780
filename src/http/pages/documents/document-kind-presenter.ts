/** D7 "Soort wijzigen" (issue 15 defect 2): the document, its Soort to correct and its history. */
import { DOCUMENT_KINDS, DOCUMENT_KIND_LABELS } from '../../../domain/documents/document.ts';
import type { ClientEvent } from '../../../domain/audit.ts';
import { AuditAction } from '../../../services/audit/actions.ts';
import type { DocumentKindForm } from '../../../services/documents/document-kind-service.ts';
import { errorFor, type FieldError } from '../form.ts';
import { documentsPaths, frameFor, kindPath, presentDocumentSummary, presentLogEvent, type DocumentsOrigin } from './documents-presenter.ts';

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** What a history entry says besides who and when: the kind and file added, the old and new kind, the reason of a withdrawal. */
function historyLines(event: ClientEvent): { label: string; value: string }[] {
  const d = event.details;
  const lines: [string, string][] =
    event.action === AuditAction.documentAdded
      ? [['Soort', text(d['kind'] ?? d['soort'])], ['Bestand', text(d['fileName'] ?? d['bestandsnaam'])]]
      : event.action === AuditAction.documentKindChanged
        ? [['Oude soort', text(d['old'])], ['Nieuwe soort', text(d['new'])]]
        : event.action === AuditAction.documentWithdrawn
          ? [['Reden', text(d['reason'] ?? d['reden'])]]
          : [];
  return lines.filter(([, value]) => value !== '').map(([label, value]) => ({ label, value }));
}

/**
 * The page: the document's facts, the Soort (the user's choice after a refusal, else the current
 * one), the version the choice was made on, and the history, oldest first.
 */
export function presentKindForm(input: { form: DocumentKindForm; origin: DocumentsOrigin; chosen: string | null; version: number | null; errors: readonly FieldError[] }) {
  const { dossier, document, history } = input.form;
  const clientId = dossier.client.id;
  const chosen = input.chosen ?? document.kind;
  return {
    title: 'Soort wijzigen',
    errors: input.errors,
    frame: frameFor(dossier, input.origin),
    action: kindPath(clientId, document.id, input.origin),
    cancelHref: documentsPaths(clientId, input.origin).overview,
    summary: presentDocumentSummary(document, 'Huidige soort'),
    // O12: after a conflict the form carries the current version, so that a second Bewaar is a decision on what is now stored.
    version: String(input.version ?? document.version),
    kind: {
      errorMessage: errorFor(input.errors, 'soort'),
      items: DOCUMENT_KINDS.map((k) => ({ value: k, text: DOCUMENT_KIND_LABELS[k], checked: k === chosen })),
    },
    history: history.map((event) => {
      const shown = presentLogEvent(event);
      return { title: shown.action, byline: shown.who, timestamp: shown.timestamp, when: shown.when, lines: historyLines(event) };
    }),
  };
}

export type KindFormView = ReturnType<typeof presentKindForm>;

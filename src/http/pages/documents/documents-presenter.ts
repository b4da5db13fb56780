/** Documents in the dossier (D1, D2, D4, D5): the overviews, the form, the withdrawal and the log as view data. */
import { dateInBrussels, formatDate } from '../../../domain/calendar-date.ts';
import { DOCUMENT_KINDS, isDocumentKind, DOCUMENT_KIND_LABELS, type Document, type DocumentKind } from '../../../domain/documents/document.ts';
import { FILE_FORMATS, FORMAT_INFO, formatList } from '../../../domain/documents/file-formats.ts';
import type { DocumentLogEvent } from '../../../domain/audit.ts';
import { AuditAction } from '../../../services/audit/actions.ts';
import type { Dossier } from '../../../services/dossiers/dossier-access.ts';
import type { DocumentLog, DocumentPermissions, DocumentsOverview } from '../../../services/documents/documents-service.ts';
import { messages } from '../../messages/index.ts';
import { presentDossierFrame, type DossierFrame } from '../dossier/dossier-presenter.ts';
import { errorFor, type FieldError } from '../form.ts';
import type { DocumentFormInput } from './document-form.ts';

/** Where the user came from and returns to: Begeleiding > Traject (the manual's way) or the Documenten tab. */
export type DocumentsOrigin = 'traject' | 'documenten';

export function readOrigin(query: unknown): DocumentsOrigin {
  const q = (typeof query === 'object' && query !== null ? query : {}) as Record<string, unknown>;
  return q['terug'] === 'documenten' ? 'documenten' : 'traject';
}

export function readKindFilter(query: unknown): DocumentKind | null {
  const q = (typeof query === 'object' && query !== null ? query : {}) as Record<string, unknown>;
  const kind = q['soort'];
  return typeof kind === 'string' && isDocumentKind(kind) ? kind : null;
}

const withOrigin = (path: string, origin: DocumentsOrigin): string => (origin === 'documenten' ? `${path}?terug=documenten` : path);

export function documentsPaths(clientId: string, origin: DocumentsOrigin) {
  const base = `/dossiers/${clientId}/documenten`;
  return {
    overview: origin === 'documenten' ? base : `/dossiers/${clientId}/begeleiding/traject`,
    add: withOrigin(`${base}/nieuw`, origin),
    log: withOrigin(`${base}/logging`, origin),
  };
}

/** The download (D6). */
export function documentPath(clientId: string, documentId: string): string {
  return `/dossiers/${clientId}/documenten/${documentId}`;
}

export function frameFor(dossier: Dossier, origin: DocumentsOrigin): DossierFrame {
  return origin === 'documenten' ? presentDossierFrame(dossier, 'documenten') : presentDossierFrame(dossier, 'begeleiding', 'traject');
}

/** The summary list of one document above the withdraw and kind forms; `kindKey` names its kind's row. */
export function presentDocumentSummary(document: Document, kindKey: string) {
  return [
    { key: { text: 'Publicatienaam' }, value: { text: document.publicationName } },
    { key: { text: kindKey }, value: { text: DOCUMENT_KIND_LABELS[document.kind] } },
    { key: { text: 'Datum toevoegen' }, value: { text: formatDate(document.uploadedOn) } },
    { key: { text: 'Toegevoegd door' }, value: { text: `${document.uploadedByLabel} (${document.organisationName})` } },
    { key: { text: 'Bestand' }, value: { text: document.fileName } },
  ];
}

/** The path of "Soort wijzigen" (D7). */
export function kindPath(clientId: string, documentId: string, origin: DocumentsOrigin): string {
  return withOrigin(`${documentPath(clientId, documentId)}/soort`, origin);
}

export function presentDocumentRows(clientId: string, documents: readonly Document[], permissions: DocumentPermissions, origin: DocumentsOrigin = 'documenten') {
  return documents.map((d) => ({
    name: d.publicationName,
    href: documentPath(clientId, d.id),
    kind: DOCUMENT_KIND_LABELS[d.kind],
    date: formatDate(d.uploadedOn),
    organisation: d.organisationName,
    // The links of the row's last column: "Soort wijzigen" (D7), "Intrekken" (D4); the hidden part names the document.
    actions: [
      ...(permissions.correctsKindOf === d.organisationId ? [{ href: kindPath(clientId, d.id, origin), text: 'Soort wijzigen', hiddenText: ` van ${d.publicationName}` }] : []),
      ...(permissions.canWithdraw ? [{ href: `${documentPath(clientId, d.id)}/intrekken`, text: 'Intrekken', hiddenText: ` ${d.publicationName}` }] : []),
    ],
  }));
}

/** D1: "Documenten overzicht" on Begeleiding > Traject. */
export function presentDocumentsSection(overview: DocumentsOverview) {
  const clientId = overview.dossier.client.id;
  const paths = documentsPaths(clientId, 'traject');
  const rows = presentDocumentRows(clientId, overview.documents, overview.permissions, 'traject');
  return {
    rows,
    hasActions: rows.some((r) => r.actions.length > 0),
    addHref: overview.permissions.canAdd ? paths.add : null,
    logHref: paths.log,
  };
}

/** The Documenten tab (K1): every document of the client, with the filter on Soort. */
export function presentDocumentsTab(overview: DocumentsOverview, kind: DocumentKind | null) {
  const clientId = overview.dossier.client.id;
  const paths = documentsPaths(clientId, 'documenten');
  const rows = presentDocumentRows(clientId, overview.documents, overview.permissions, 'documenten');
  return {
    title: 'Documenten',
    frame: presentDossierFrame(overview.dossier, 'documenten'),
    rows,
    hasActions: rows.some((r) => r.actions.length > 0),
    addHref: overview.permissions.canAdd ? paths.add : null,
    logHref: paths.log,
    filterAction: paths.overview,
    filtered: kind !== null,
    kindItems: [
      { value: '', text: 'Alle soorten', selected: kind === null },
      ...DOCUMENT_KINDS.map((k) => ({ value: k, text: DOCUMENT_KIND_LABELS[k], selected: k === kind })),
    ],
  };
}

/** D2: "Document toevoegen", with the user's input and the messages after a refusal. */
export function presentDocumentForm(input: {
  dossier: Dossier;
  origin: DocumentsOrigin;
  values: DocumentFormInput;
  errors: readonly FieldError[];
  /** The Soort chosen in advance from where the user came (see kindDueOnTraject), to say why. */
  preselected?: DocumentKind | null;
}) {
  const paths = documentsPaths(input.dossier.client.id, input.origin);
  const fileError = errorFor(input.errors, 'document');
  const formats = formatList(FILE_FORMATS);
  return {
    title: 'Document toevoegen',
    errors: input.errors,
    frame: frameFor(input.dossier, input.origin),
    action: paths.add,
    cancelHref: paths.overview,
    publicationName: { value: input.values.publicatienaam, errorMessage: errorFor(input.errors, 'publicatienaam') },
    kind: {
      errorMessage: errorFor(input.errors, 'soort'),
      hint: input.preselected ? messages.documents.kindPreselected(DOCUMENT_KIND_LABELS[input.preselected]) : messages.documents.kindHint,
      items: DOCUMENT_KINDS.map((k) => ({ value: k, text: DOCUMENT_KIND_LABELS[k], checked: k === input.values.soort })),
    },
    file: {
      errorMessage: fileError,
      // A browser does not keep a chosen file when the page comes back with a message.
      hint: `${formats}, hoogstens 20 MB.${input.errors.length > 0 ? ` ${messages.documents.chooseAgain}` : ''}`,
      accept: FILE_FORMATS.flatMap((f) => FORMAT_INFO[f].extensions.map((e) => `.${e}`)).join(','),
    },
  };
}

/** D4: "Document intrekken" for a beheerder. */
export function presentWithdrawForm(input: { dossier: Dossier; document: Document; reason: string; errors: readonly FieldError[] }) {
  const { dossier, document } = input;
  const path = documentPath(dossier.client.id, document.id);
  return {
    title: 'Document intrekken',
    errors: input.errors,
    frame: presentDossierFrame(dossier, 'documenten'),
    action: `${path}/intrekken`,
    cancelHref: documentsPaths(dossier.client.id, 'documenten').overview,
    summary: presentDocumentSummary(document, 'Soort'),
    reason: { value: input.reason, errorMessage: errorFor(input.errors, 'reden') },
  };
}

const ACTION_LABELS: Readonly<Record<string, string>> = {
  [AuditAction.documentAdded]: 'Toegevoegd',
  [AuditAction.documentDownloaded]: 'Gedownload',
  [AuditAction.documentWithdrawn]: 'Ingetrokken',
  [AuditAction.documentKindChanged]: 'Soort gewijzigd',
};

const time = new Intl.DateTimeFormat('nl-BE', { timeZone: 'Europe/Brussels', hour: '2-digit', minute: '2-digit' });

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

export function presentLogEvent(event: DocumentLogEvent) {
  const d = event.details;
  const detail =
    event.action === AuditAction.documentWithdrawn
      ? `Reden: ${text(d['reason'] ?? d['reden'])}`
      : event.action === AuditAction.documentAdded
        ? `Bestand: ${text(d['fileName'] ?? d['bestandsnaam'])}`
        : event.action === AuditAction.documentKindChanged
          ? messages.documents.kindChange(text(d['old']), text(d['new']))
          : '';
  return {
    when: `${formatDate(dateInBrussels(event.occurredAt))} ${time.format(event.occurredAt)}`,
    timestamp: event.occurredAt.toISOString(),
    who: event.organisationName === null ? event.actorLabel : `${event.actorLabel} (${event.organisationName})`,
    action: ACTION_LABELS[event.action] ?? event.action,
    document: text(d['publicationName'] ?? d['publicatienaam']),
    kind: text(d['kind'] ?? d['soort']),
    detail,
  };
}

/** D5: "Volledige logging", newest first, paged. */
export function presentDocumentLog(log: DocumentLog, origin: DocumentsOrigin) {
  const paths = documentsPaths(log.dossier.client.id, origin);
  const pageHref = (n: number): string => `${paths.log}${paths.log.includes('?') ? '&' : '?'}pagina=${n}`;
  return {
    title: 'Volledige logging',
    frame: frameFor(log.dossier, origin),
    events: log.events.map(presentLogEvent),
    total: log.total,
    backHref: paths.overview,
    backText: origin === 'documenten' ? 'Terug naar Documenten' : 'Terug naar Traject',
    pagination: log.pageCount <= 1 ? null : presentPagination(log.page, log.pageCount, pageHref),
    pageText: `Pagina ${log.page} van ${log.pageCount}`,
  };
}

function presentPagination(current: number, count: number, href: (n: number) => string) {
  const shown = [...new Set([1, current - 1, current, current + 1, count])].filter((n) => n >= 1 && n <= count).sort((a, b) => a - b);
  const items: ({ number: number; href: string; current: boolean; visuallyHiddenText: string } | { ellipsis: true })[] = [];
  let previous = 0;
  for (const n of shown) {
    if (n - previous > 1) items.push({ ellipsis: true });
    items.push({ number: n, href: href(n), current: n === current, visuallyHiddenText: `Pagina ${n}` });
    previous = n;
  }
  return {
    landmarkLabel: 'Paginering van de logging',
    previous: current > 1 ? { href: href(current - 1), text: 'Vorige' } : undefined,
    next: current < count ? { href: href(current + 1), text: 'Volgende' } : undefined,
    items,
  };
}

export type DocumentsTabView = ReturnType<typeof presentDocumentsTab>;
export type DocumentFormView = ReturnType<typeof presentDocumentForm>;
export type WithdrawFormView = ReturnType<typeof presentWithdrawForm>;
export type DocumentLogView = ReturnType<typeof presentDocumentLog>;

/** View data of the attest pages (A2–A4): Mijn aanvragen, Te behandelen attesten and the detail. */
import { accessPeriodEnd } from '../../../domain/access.ts';
import { REQUEST_KIND_LABELS, type AttestRequest } from '../../../domain/attests/attest-request.ts';
import { dateInBrussels, formatDate, BRUSSELS_DATE_TIME } from '../../../domain/calendar-date.ts';
import { ATTEST_STATE_LABELS, fullName, REGIME_LABELS } from '../../../domain/clients.ts';
import { formatInsz } from '../../../domain/insz.ts';
import type { QueueItem, RequestDetail } from '../../../services/attests/attest-handling-service.ts';
import { errorFor, type FieldError } from '../form.ts';
import { dossierPath } from '../dossier/dossier-presenter.ts';

export const REQUEST_PATHS = {
  request: '/toegang-aanvragen',
  print: '/toegang-aanvragen/afdrukken',
  /** Issue 15 defect 7: the checked data, posted again from the page that says the attest is ready, open the PDF in a new tab. */
  printPdf: '/toegang-aanvragen/afdrukken/pdf',
  mine: '/aanvragen',
  queue: '/attesten',
} as const;

export const requestPath = (id: string): string => `${REQUEST_PATHS.queue}/${id}`;
export const scanPath = (id: string): string => `${REQUEST_PATHS.queue}/${id}/scan`;

const dateTime = BRUSSELS_DATE_TIME;

export const formatMoment = (at: Date): string => dateTime.format(at);

const STATE_TAG_CLASSES = { ingediend: 'govuk-tag--blue', goedgekeurd: 'govuk-tag--green', afgewezen: 'govuk-tag--red' } as const;

const stateTag = (request: AttestRequest) => ({ text: ATTEST_STATE_LABELS[request.state], classes: STATE_TAG_CLASSES[request.state] });

function period(request: AttestRequest): string {
  if (request.kind === 'verlenging' && request.previousEndDate !== null) {
    return `${formatDate(request.startDate)} – ${formatDate(request.endDate)} (was tot ${formatDate(request.previousEndDate)})`;
  }
  return `${formatDate(request.startDate)} – ${formatDate(request.endDate)}`;
}

export function presentMyRequests(requests: readonly AttestRequest[]) {
  return {
    title: 'Mijn aanvragen',
    requestHref: REQUEST_PATHS.request,
    rows: requests.map((r) => ({
      submittedOn: formatDate(dateInBrussels(r.submittedAt)),
      client: `${r.firstName} ${r.familyName}`,
      kind: REQUEST_KIND_LABELS[r.kind],
      period: period(r),
      state: stateTag(r),
      reason: r.state === 'afgewezen' ? (r.rejectionReason ?? '') : r.state === 'goedgekeurd' && r.decidedAt !== null ? `Goedgekeurd op ${formatDate(dateInBrussels(r.decidedAt))}` : '',
      dossierHref: r.state === 'goedgekeurd' && r.clientId !== null ? dossierPath(r.clientId) : null,
    })),
  };
}

export function presentQueue(items: readonly QueueItem[]) {
  return {
    title: 'Te behandelen attesten',
    rows: items.map((r) => ({
      href: requestPath(r.id),
      client: `${r.firstName} ${r.familyName}`,
      kind: REQUEST_KIND_LABELS[r.kind],
      organisation: r.organisationName,
      submittedOn: formatDate(dateInBrussels(r.submittedAt)),
      age: r.ageDays === 1 ? '1 dag' : `${r.ageDays} dagen`,
      period: period(r),
    })),
  };
}

export function presentDetail(detail: RequestDetail, input: { reason: string; originalReceived: boolean }, errors: FieldError[]) {
  const { request } = detail;
  const row = (key: string, value: string) => ({ key: { text: key }, value: { text: value } });
  const registry = detail.registryClient;
  const differs =
    registry !== null &&
    (registry.familyName !== request.familyName || registry.firstName !== request.firstName || registry.birthDate !== request.birthDate);
  return {
    title: `Attest ${REQUEST_KIND_LABELS[request.kind].toLowerCase()}: ${request.firstName} ${request.familyName}`,
    errors,
    kind: REQUEST_KIND_LABELS[request.kind],
    state: stateTag(request),
    data: [
      row('Soort', request.kind === 'nieuw' ? 'Toegang (nieuw attest)' : 'Verlenging van een lopend attest'),
      row('Organisatie', request.organisationName),
      row('Ingediend', `${formatMoment(request.submittedAt)} door ${request.submittedByLabel} (${detail.ageDays === 1 ? '1 dag' : `${detail.ageDays} dagen`} geleden)`),
      row('INSZ', formatInsz(request.insz)),
      row('Familienaam', request.familyName),
      row('Voornaam', request.firstName),
      row('Geboortedatum', formatDate(request.birthDate)),
      row('Regime', REGIME_LABELS[request.regime]),
      row('Startdatum', formatDate(request.startDate)),
      ...(request.previousEndDate !== null ? [row('Huidige einddatum', formatDate(request.previousEndDate))] : []),
      row(request.kind === 'verlenging' ? 'Nieuwe einddatum' : 'Einddatum', formatDate(request.endDate)),
      row('Toegang tot en met (na goedkeuring)', formatDate(accessPeriodEnd(request.endDate))),
    ],
    registry:
      registry === null
        ? 'Het register kent dit INSZ-nummer nog niet: bij goedkeuring wordt de klant aangemaakt met de gegevens van de aanvraag.'
        : `Het register kent deze klant als ${fullName(registry)}, geboren ${formatDate(registry.birthDate)}.${differs ? ' Opgelet: dat verschilt van de aanvraag.' : ''}`,
    registryHref: registry === null ? null : dossierPath(registry.id),
    scan: { href: scanPath(request.id), name: request.scan.fileName, size: `${Math.max(1, Math.round(request.scan.sizeBytes / 1024))} kB` },
    original: request.originalReceived === null ? null : `Ontvangen op ${formatMoment(request.originalReceived.at)}, geregistreerd door ${request.originalReceived.byLabel}`,
    decision:
      request.state === 'ingediend'
        ? null
        : `${ATTEST_STATE_LABELS[request.state]} op ${request.decidedAt === null ? '' : formatMoment(request.decidedAt)} door ${request.decidedByLabel ?? ''}${request.rejectionReason === null ? '' : `. Reden: ${request.rejectionReason}`}`,
    mayDecide: detail.mayDecide,
    action: requestPath(request.id),
    version: String(request.version),
    reason: { value: input.reason, errorMessage: errorFor(errors, 'reden') },
    originalItems: [{ value: 'ja', text: 'Origineel ontvangen', checked: input.originalReceived || request.originalReceived !== null, disabled: request.originalReceived !== null }],
    decisionError: errorFor(errors, 'beslissing'),
    originalError: errorFor(errors, 'origineel'),
    queueHref: REQUEST_PATHS.queue,
  };
}

export type MyRequestsView = ReturnType<typeof presentMyRequests>;
export type QueueView = ReturnType<typeof presentQueue>;
export type DetailView = ReturnType<typeof presentDetail>;

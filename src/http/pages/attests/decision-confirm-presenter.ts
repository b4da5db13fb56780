/** Issue 15 defect 9: the confirmation page of Goedkeuren and Afwijzen (A3, A4). */
import { accessPeriodEnd } from '../../../domain/access.ts';
import { REQUEST_KIND_LABELS, type AttestRequest } from '../../../domain/attests/attest-request.ts';
import { formatDate } from '../../../domain/calendar-date.ts';
import type { Decision } from '../../../services/attests/attest-handling-service.ts';
import { messages } from '../../messages/index.ts';
import { confirmView, summaryRow } from '../shared/confirm.ts';
import { requestPath } from './attests-presenter.ts';

const c = messages.confirm;

export function presentDecisionConfirmation(request: AttestRequest, decision: Exclude<Decision, { action: 'origineel' }>) {
  const name = `${request.firstName} ${request.familyName}`;
  const approve = decision.action === 'goedkeuren';
  const period = `${formatDate(request.startDate)} – ${formatDate(request.endDate)}`;
  const confirm = confirmView({
    title: approve ? c.approveTitle(name) : c.rejectTitle(name),
    rows: [
      summaryRow('Soort', REQUEST_KIND_LABELS[request.kind]),
      summaryRow('Organisatie', request.organisationName),
      summaryRow(request.kind === 'verlenging' ? 'Periode na verlenging' : 'Periode', period),
      ...(approve
        ? [summaryRow('Toegang tot en met', formatDate(accessPeriodEnd(request.endDate))), summaryRow('Origineel', 'Ontvangen')]
        : [summaryRow('Reden van afwijzing', decision.reason.trim())]),
    ],
    warning: approve ? c.approveWarning : c.rejectWarning,
    action: requestPath(request.id),
    fields: [
      { name: 'actie', value: decision.action },
      { name: 'versie', value: String(decision.version) },
      ...(decision.originalReceived ? [{ name: 'origineel', value: 'ja' }] : []),
      ...(decision.action === 'afwijzen' ? [{ name: 'reden', value: decision.reason }] : []),
    ],
    confirmText: approve ? c.approveButton : c.rejectButton,
    destructive: !approve,
  });
  return { title: confirm.title, confirm };
}

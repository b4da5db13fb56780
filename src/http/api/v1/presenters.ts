/** Domain data as the partner API shows it (issue 17): ISO 8601 dates, state codes with their Dutch label. */
import type { AuditRecord } from '../../../domain/audit.ts';
import { accessPeriodEnd } from '../../../domain/access.ts';
import { REQUEST_KIND_LABELS, type AttestRequest } from '../../../domain/attests/attest-request.ts';
import { DOCUMENT_KIND_LABELS, type Document } from '../../../domain/documents/document.ts';
import { ATTEST_STATE_LABELS, REGIME_LABELS, type MyClient } from '../../../domain/clients.ts';
import { STATE_LABELS, type Step, type StepLine } from '../../../domain/steps/step.ts';
import type { Dossier } from '../../../services/dossiers/dossier-access.ts';
import type { StepDetail } from '../../../services/steps/steps-service.ts';
import type { StepBody } from './schemas.ts';

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/** What a step and a line of the steps list both show: organisation, type, state with its label, date. */
const stepCoreOf = (step: Pick<StepLine, 'organisationName' | 'type' | 'state' | 'date'>) => ({
  organisatie: step.organisationName,
  stapType: { code: step.type.code, label: step.type.label },
  toestand: { code: step.state, label: STATE_LABELS[step.state] },
  datum: step.date,
});

export function stepOf(step: Step, permissions: Pick<StepDetail['permissions'], 'completionDate' | 'summaryWindowLastDay'> & { canAppendSummary: boolean }): StepBody {
  return {
    id: step.id,
    klantId: step.clientId,
    ...stepCoreOf(step),
    startdatum: step.startDate,
    einddatum: step.endDate,
    financieringsnummer: step.fundingNumber === null ? null : { id: step.fundingNumber.id, code: step.fundingNumber.code },
    aanvrager: step.requester,
    uitvoerder: step.executor,
    samenvatting: step.summary,
    beeindigdOp: step.endedOn,
    geplandeStopzetting: step.plannedStopDate,
    automatischUitgevoerdOp: permissions.completionDate,
    samenvattingAanvullenTot: permissions.canAppendSummary ? permissions.summaryWindowLastDay : null,
    versie: step.version,
    gewijzigdOp: step.updatedAt.toISOString(),
    gewijzigdDoor: step.updatedByLabel,
  };
}

export const stepOfDetail = (detail: StepDetail): StepBody => stepOf(detail.step, detail.permissions);

export function stepLineOf(line: StepLine) {
  return {
    id: line.id,
    ...stepCoreOf(line),
    geplandeStopzetting: line.plannedStopDate,
  };
}

const clientCore = (client: Dossier['client']) => ({ id: client.id, insz: client.insz, familienaam: client.familyName, voornaam: client.firstName, geboortedatum: client.birthDate });

export function caseloadEntryOf(entry: MyClient & { lastChangeAt: Date | null }) {
  return {
    ...clientCore(entry.client),
    attestStart: entry.startDate,
    attestEinde: entry.endDate,
    lopendeOutplacement: entry.runningOutplacement === null ? null : { stapId: entry.runningOutplacement.stepId, datum: entry.runningOutplacement.date, einddatum: entry.runningOutplacement.endDate },
    laatsteWijziging: entry.lastChangeAt?.toISOString() ?? null,
  };
}

export function dossierOf(dossier: Dossier) {
  return {
    ...clientCore(dossier.client),
    email: dossier.client.email,
    telefoon: dossier.client.phone,
    attesten: dossier.attests.map((a) => ({
      id: a.id,
      regime: { code: a.regime, label: REGIME_LABELS[a.regime] },
      toestand: { code: a.state, label: ATTEST_STATE_LABELS[a.state] },
      startdatum: a.startDate,
      einddatum: a.endDate,
      goedgekeurdOp: a.approvedOn,
      toegangTot: accessPeriodEnd(a.endDate),
    })),
  };
}

/** O11: one line of the dossier's log; a registration's fields are not repeated (the step holds them). */
export function logEventOf(record: AuditRecord) {
  const d = record.details;
  return {
    id: record.id,
    tijdstip: record.occurredAt.toISOString(),
    actie: record.action,
    door: record.actorLabel,
    kanaal: text(d['kanaal']),
    stapId: text(d['stepId']),
    veld: text(d['field']),
    oud: text(d['old']),
    nieuw: text(d['new']),
  };
}

/** D1: a document of the dossier, with the path of its download. */
export function documentOf(document: Document) {
  return {
    id: document.id,
    klantId: document.clientId,
    publicatienaam: document.publicationName,
    soort: { code: document.kind, label: DOCUMENT_KIND_LABELS[document.kind] },
    organisatie: document.organisationName,
    stapId: document.stepId,
    bestandsnaam: document.fileName,
    mediatype: document.mediaType,
    grootte: document.sizeBytes,
    sha256: document.sha256,
    toegevoegdOp: document.uploadedAt.toISOString(),
    datumToevoegen: document.uploadedOn,
    toegevoegdDoor: document.uploadedByLabel,
    inhoud: `/api/v1/klanten/${document.clientId}/documenten/${document.id}/inhoud`,
  };
}

/** A2/A4: an attest request as its organisation follows it: the state as a code with its Dutch label. */
export function attestRequestOf(request: AttestRequest) {
  return {
    id: request.id,
    soort: { code: request.kind, label: REQUEST_KIND_LABELS[request.kind] },
    toestand: { code: request.state, label: ATTEST_STATE_LABELS[request.state] },
    insz: request.insz,
    familienaam: request.familyName,
    voornaam: request.firstName,
    geboortedatum: request.birthDate,
    regime: { code: request.regime, label: REGIME_LABELS[request.regime] },
    startdatum: request.startDate,
    einddatum: request.endDate,
    vorigeEinddatum: request.previousEndDate,
    klantId: request.clientId,
    attestId: request.attestId,
    redenAfwijzing: request.rejectionReason,
    origineelOntvangen: request.originalReceived !== null,
    scan: { bestandsnaam: request.scan.fileName, mediatype: request.scan.mediaType, grootte: request.scan.sizeBytes, sha256: request.scan.sha256 },
    ingediendOp: request.submittedAt.toISOString(),
    ingediendDoor: request.submittedByLabel,
    beslistOp: request.decidedAt?.toISOString() ?? null,
    versie: request.version,
  };
}

/** "Toegang aanvragen" (A2): the form's page, the scan's hint and message, the link to a dossier already open. */
import { ATTEST_SCAN_UPLOADS } from '../../../domain/documents/content-check.ts';
import { formatList } from '../../../domain/documents/file-formats.ts';
import type { Problem } from '../../../domain/result.ts';
import type { UploadOutcome } from '../../../services/documents/upload-service.ts';
import { messages } from '../../messages/index.ts';
import type { FieldError, FieldErrors } from '../form.ts';
import { uploadProblemMessage } from '../shared/upload-problems.ts';
import { REQUEST_PATHS } from './attests-presenter.ts';
import { presentRequestFields, type RequestFormInput } from './request-form.ts';

const MB = 1024 * 1024;

export type RequestView = Readonly<{
  title: string;
  errors: FieldErrors;
  action: string;
  printAction: string;
  fields: ReturnType<typeof presentRequestFields>;
  scanHint: string;
  dossierHref: string | null;
  /** After "Attest afdrukken" with good data: the form that opens the PDF (a new tab), with the checked data. */
  print: { action: string; fields: { name: string; value: string }[] } | null;
}>;

/** The fields of the request as hidden inputs, to post them again unchanged. */
function hiddenFieldsOf(input: RequestFormInput): { name: string; value: string }[] {
  const date = (name: string, parts: RequestFormInput['geboortedatum']) => [
    { name: `${name}-dag`, value: parts.dag },
    { name: `${name}-maand`, value: parts.maand },
    { name: `${name}-jaar`, value: parts.jaar },
  ];
  return [
    { name: 'insz', value: input.insz },
    { name: 'familienaam', value: input.familienaam },
    { name: 'voornaam', value: input.voornaam },
    ...date('geboortedatum', input.geboortedatum),
    { name: 'regime', value: input.regime },
    ...date('startdatum', input.startdatum),
    ...date('einddatum', input.einddatum),
  ];
}

/** The scan's hint, from the upload policy: "PDF, JPG of PNG, hoogstens 20 MB." */
export function scanHint(chooseAgain: boolean): string {
  const hint = `${formatList(ATTEST_SCAN_UPLOADS.formats)}, hoogstens ${String(Math.round(ATTEST_SCAN_UPLOADS.maxBytes / MB))} MB.`;
  return chooseAgain ? `${hint} ${messages.documents.chooseAgain}` : hint;
}

/** The client id of an "al toegang" refusal, for the link to the dossier. */
export function alreadyAccessClient(problems: readonly Problem[]): string | null {
  return problems.find((p) => p.code === 'al-toegang')?.params?.['clientId'] ?? null;
}

export function presentRequestPage(input: RequestFormInput, errors: FieldErrors, options: { dossierHref?: string | null; chooseAgain?: boolean; printReady?: boolean } = {}): RequestView {
  return {
    title: 'Toegang aanvragen',
    errors,
    action: REQUEST_PATHS.request,
    printAction: REQUEST_PATHS.print,
    fields: presentRequestFields(input, errors),
    scanHint: scanHint(options.chooseAgain === true),
    dossierHref: options.dossierHref ?? null,
    print: options.printReady === true ? { action: REQUEST_PATHS.printPdf, fields: hiddenFieldsOf(input) } : null,
  };
}

/** The message at the scan field for a missing or refused scan. */
export function scanError(upload: UploadOutcome | undefined): FieldError | undefined {
  if (upload?.ok === true) return undefined;
  const problem = upload?.problem ?? 'geen-bestand';
  return { field: 'scan', message: problem === 'geen-bestand' ? messages.attests.scanRequired : uploadProblemMessage(problem, ATTEST_SCAN_UPLOADS) };
}


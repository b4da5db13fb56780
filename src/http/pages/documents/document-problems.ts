/** Dutch messages for the refusals of an upload (D3) and of the document services (D2, D4). */
import type { UploadPolicy, UploadProblem } from '../../../domain/documents/content-check.ts';
import { PUBLICATION_NAME_MAX, WITHDRAWAL_REASON_MAX } from '../../../domain/documents/document.ts';
import { formatList } from '../../../domain/documents/file-formats.ts';
import { MAX_UNPACKED_BYTES, MAX_ZIP_ENTRIES } from '../../../domain/documents/zip-container.ts';
import type { DocumentProblem } from '../../../services/documents/documents-service.ts';
import { messages } from '../../messages.ts';
import type { FieldError } from '../form.ts';

const MB = 1024 * 1024;

/** The message at the file field ("document"). */
export function uploadProblemMessage(problem: UploadProblem, policy: UploadPolicy): string {
  const m = messages.documents.upload;
  const formats = formatList(policy.formats);
  switch (problem) {
    case 'geen-bestand':
    case 'leeg':
    case 'naam-ongeldig':
    case 'zip-ongeldig':
      return m[problem];
    case 'te-groot':
      return m['te-groot'](Math.round(policy.maxBytes / MB));
    case 'type-niet-toegelaten':
      return m['type-niet-toegelaten'](formats);
    case 'komt-niet-overeen':
      return m['komt-niet-overeen'](formats);
    case 'zip-te-groot':
      return m['zip-te-groot'](Math.round(MAX_UNPACKED_BYTES / MB));
    case 'zip-te-veel-onderdelen':
      return m['zip-te-veel-onderdelen'](MAX_ZIP_ENTRIES.toLocaleString('nl-BE'));
  }
}

export function documentProblemsToErrors(problems: readonly DocumentProblem[]): FieldError[] {
  return problems.map((problem) => {
    switch (problem.field) {
      case 'publicatienaam':
        return { field: 'publicatienaam', message: problem.code === 'te-lang' ? messages.documents.publicationNameTooLong(PUBLICATION_NAME_MAX) : messages.documents.publicationNameRequired };
      case 'stap':
        return { field: 'stap', message: messages.documents.stepUnknown };
      case 'reden':
        return {
          field: 'reden',
          message:
            problem.code === 'al-ingetrokken'
              ? messages.documents.alreadyWithdrawn
              : problem.code === 'te-lang'
                ? messages.documents.reasonTooLong(WITHDRAWAL_REASON_MAX)
                : messages.documents.reasonRequired,
        };
    }
  });
}

/** Dutch messages for the refusals of an upload (D3), for documents and attest scans alike. */
import type { UploadPolicy, UploadProblem } from '../../../domain/documents/content-check.ts';
import { formatList } from '../../../domain/documents/file-formats.ts';
import { MAX_UNPACKED_BYTES, MAX_ZIP_ENTRIES } from '../../../domain/documents/zip-container.ts';
import { messages } from '../../messages/index.ts';

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
    case 'macro':
    case 'externe-koppeling':
    case 'pdf-actieve-inhoud':
    case 'pdf-niet-leesbaar':
      return m[problem];
    case 'quotum':
      return m.quotum;
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

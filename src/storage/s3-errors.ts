/** What an S3 failure means, in the one Dutch line the start-up check prints. */
import { BlobStoreUnavailableError } from './blob-store.ts';

type S3Failure = { name?: unknown; code?: unknown; message?: unknown; $metadata?: { httpStatusCode?: number } };

export function isS3NotFound(error: unknown): boolean {
  const failure = error as S3Failure;
  return failure.name === 'NoSuchKey' || failure.name === 'NotFound' || failure.$metadata?.httpStatusCode === 404;
}

export function describeS3Failure(error: unknown, bucket: string, endpoint: string | undefined): BlobStoreUnavailableError {
  const failure = (typeof error === 'object' && error !== null ? error : {}) as S3Failure;
  const status = failure.$metadata?.httpStatusCode;
  const where = `bucket "${bucket}"${endpoint === undefined ? '' : ` op ${endpoint}`}`;
  let reason: string;
  if (failure.name === 'CredentialsProviderError') {
    reason = 'geen toegangsgegevens gevonden: geef AWS_ACCESS_KEY_ID en AWS_SECRET_ACCESS_KEY, een profiel of een rol';
  } else if (status === 403 || status === 401) {
    reason = 'toegang geweigerd: controleer AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY (of de rol) en het recht om te lezen, schrijven en verwijderen';
  } else if (status === 404 || failure.name === 'NoSuchBucket') {
    reason = 'de bucket bestaat niet: maak hem aan of controleer S3_BUCKET en S3_REGION';
  } else if (status !== undefined) {
    reason = `de opslag antwoordt met status ${String(status)}`;
  } else {
    const code = typeof failure.code === 'string' ? failure.code : typeof failure.name === 'string' ? failure.name : 'onbekende fout';
    reason = `niet bereikbaar (${code}): controleer S3_ENDPOINT en het netwerk`;
  }
  return new BlobStoreUnavailableError(`Documentopslag onbruikbaar: ${where}: ${reason}.`);
}

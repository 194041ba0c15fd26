import { formatS3Target, type S3Target } from './parse-s3-target.js';

/** What a failure needs to be explained: where the publish was going. */
export interface S3ErrorContext {
  target: S3Target;
  /** The store's address; undefined for AWS S3 itself. */
  endpoint: string | undefined;
}

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
]);

interface ErrorFields {
  name?: string;
  code?: string;
  message?: string;
  $metadata?: { httpStatusCode?: number };
  cause?: { code?: string };
}

/** Whether the error is the network failing, not the store answering. */
export function isNetworkError(error: unknown): boolean {
  const fields = (error ?? {}) as ErrorFields;
  const code = fields.code ?? fields.cause?.code;
  return (code !== undefined && NETWORK_CODES.has(code)) || fields.name === 'TimeoutError';
}

/**
 * One line for a curator from what the SDK or the network threw: what is wrong and what to do.
 * The SDK names a store's error by its S3 code (NoSuchBucket, AccessDenied, ...).
 */
export function describeS3Error(error: unknown, context: S3ErrorContext): string {
  const fields = (error ?? {}) as ErrorFields;
  const where = context.endpoint ?? 'AWS S3';
  const target = formatS3Target(context.target);
  const status = fields.$metadata?.httpStatusCode;
  if (fields.name === 'CredentialsProviderError') {
    return 'no credentials for the object store: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (or AWS_PROFILE) and try again';
  }
  if (isNetworkError(error)) {
    const reason = fields.code ?? fields.cause?.code ?? 'timed out';
    return `cannot reach the object store at ${where} (${reason}): check --endpoint and the network connection`;
  }
  switch (fields.name) {
    case 'NoSuchBucket':
      return `there is no bucket "${context.target.bucket}" at ${where}: create it first, or check the name in --to`;
    case 'InvalidAccessKeyId':
      return `${where} does not know the access key in AWS_ACCESS_KEY_ID: check your credentials`;
    case 'SignatureDoesNotMatch':
      return `${where} did not accept the secret key (AWS_SECRET_ACCESS_KEY): check your credentials`;
    case 'ExpiredToken':
    case 'InvalidToken':
    case 'TokenRefreshRequired':
      return 'the session credentials have expired: renew them (AWS_SESSION_TOKEN) and try again';
    case 'AccessDenied':
    case 'AllAccessDisabled':
      return `these credentials may not list and write ${target}: ask for those permissions on the bucket`;
    case 'PermanentRedirect':
    case 'AuthorizationHeaderMalformed':
      return `the bucket "${context.target.bucket}" is in another region: set AWS_REGION to its region and try again`;
    case 'BadDigest':
      return 'a file changed while it was being uploaded: wait until nothing writes to the folder, then publish again';
  }
  if (status === 403) return `${where} refused access to ${target}: check your credentials and their permissions`;
  if (status === 404) return `${where} found no bucket "${context.target.bucket}": check --endpoint and --to`;
  const detail = fields.message || fields.name || String(error);
  return status !== undefined
    ? `the object store at ${where} answered ${status}: ${detail}`
    : `publishing to ${target} failed: ${detail}`;
}

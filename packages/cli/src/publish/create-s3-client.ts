import { S3Client } from '@aws-sdk/client-s3';

/**
 * An S3 client for AWS or for any S3-compatible store at `endpoint`. Credentials come from the
 * SDK's default chain (AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN,
 * AWS_PROFILE, SSO, an instance role), as every AWS tool reads them.
 */
export function createS3Client(endpoint: string | undefined): S3Client {
  // The SDK warns on stderr that its 2027 releases need Node 22: a note for us, not for a curator.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  return new S3Client({
    // The CLI's AWS_DEFAULT_REGION is read too; with neither set, us-east-1 answers, and
    // followRegionRedirects finds a bucket that lives elsewhere.
    region: process.env.AWS_REGION || process.env.AWS_DEFAULT_REGION || 'us-east-1',
    followRegionRedirects: true,
    ...(endpoint ? { endpoint, forcePathStyle: true } : {}),
    // Since 3.729 the SDK sends CRC32 checksums in aws-chunked bodies by default; several
    // S3-compatible stores (s3rver among them) store those chunk frames as the file's bytes.
    // Content-MD5, sent with every upload, checks integrity everywhere instead.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    // Without a logger of its own the SDK writes some warnings to the console ("An error was
    // encountered in a non-retryable streaming request." for each failed upload); the curator
    // reads one line a failure, which the command writes.
    logger: { trace: () => {}, debug: () => {}, info: () => {}, warn: () => {}, error: () => {} },
    // Without it a store behind a firewall that drops packets keeps the curator waiting for minutes.
    requestHandler: { connectionTimeout: 10_000 },
  });
}

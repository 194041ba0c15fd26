import { createReadStream } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { cacheControlFor, contentTypeFor } from '../site/response-headers.js';
import { isNetworkError } from './describe-s3-error.js';
import { mapConcurrently } from './map-concurrently.js';
import type { PlannedFile } from './plan-upload.js';

export interface UploadOptions {
  /** Files sent at once. */
  concurrency: number;
  /** Called as each file is stored. */
  onUploaded?: (upload: PlannedFile) => void;
}

export const UPLOAD_DEFAULTS: Readonly<UploadOptions> = Object.freeze({ concurrency: 4 });

const ATTEMPTS = 3;

/**
 * Stores each file under its key, streamed from disk (or, for a document, the bytes read
 * under the collection lock), with the Content-Type and Cache-Control a
 * visitor's browser needs, and its Content-MD5 so the store refuses a damaged upload.
 */
export async function uploadFiles(
  client: S3Client,
  bucket: string,
  uploads: readonly PlannedFile[],
  options: Partial<UploadOptions> = {},
): Promise<void> {
  const { concurrency, onUploaded } = { ...UPLOAD_DEFAULTS, ...options };
  await mapConcurrently(uploads, concurrency, async (upload) => {
    await putWithRetries(client, bucket, upload);
    onUploaded?.(upload);
  });
}

/**
 * The SDK does not retry a request whose body is a stream (it cannot rewind it), so a dropped
 * connection or a busy store is retried here, each time with a fresh stream.
 */
async function putWithRetries(client: S3Client, bucket: string, { file, key }: PlannedFile): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await client.send(
        new PutObjectCommand({
          Bucket: bucket,
          Key: key,
          Body: file.contents ?? createReadStream(file.absolutePath),
          ContentLength: file.size,
          ContentMD5: Buffer.from(file.md5, 'hex').toString('base64'),
          ContentType: contentTypeFor(file.sitePath),
          CacheControl: cacheControlFor(file.sitePath),
        }),
      );
      return;
    } catch (error) {
      if (attempt >= ATTEMPTS || !isTransient(error)) throw error;
      await sleep(250 * 2 ** attempt);
    }
  }
}

function isTransient(error: unknown): boolean {
  const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode ?? 0;
  return isNetworkError(error) || status >= 500 || status === 429;
}

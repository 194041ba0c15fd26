import { DeleteObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { mapConcurrently } from './map-concurrently.js';

/**
 * Deletes the objects one request each. The batch request (DeleteObjects) must carry a checksum
 * header that S3-compatible stores accept differently since SDK 3.729 (some want Content-MD5,
 * which the SDK no longer sends); single deletes work everywhere, and a curator deletes few files.
 */
export async function deleteObjects(
  client: S3Client,
  bucket: string,
  keys: readonly string[],
  onDeleted?: (key: string) => void,
  concurrency = 4,
): Promise<void> {
  await mapConcurrently(keys, concurrency, async (key) => {
    await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }));
    onDeleted?.(key);
  });
}

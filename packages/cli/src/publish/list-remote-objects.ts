import { paginateListObjectsV2, type S3Client } from '@aws-sdk/client-s3';
import type { S3Target } from './parse-s3-target.js';

/** An object already in the store, as a listing describes it. */
export interface RemoteObject {
  key: string;
  /** The ETag without its quotes: the MD5 of the bytes for a single-part upload, else `<hash>-<parts>`. */
  etag: string;
  size: number;
}

/** Every object under the target's prefix, by key (listings come 1,000 keys a page). */
export async function listRemoteObjects(client: S3Client, target: S3Target): Promise<Map<string, RemoteObject>> {
  const objects = new Map<string, RemoteObject>();
  const pages = paginateListObjectsV2({ client }, { Bucket: target.bucket, Prefix: target.prefix || undefined });
  for await (const page of pages) {
    for (const object of page.Contents ?? []) {
      if (object.Key === undefined) continue;
      objects.set(object.Key, {
        key: object.Key,
        etag: (object.ETag ?? '').replaceAll('"', '').toLowerCase(),
        size: object.Size ?? 0,
      });
    }
  }
  return objects;
}

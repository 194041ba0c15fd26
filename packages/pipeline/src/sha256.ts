import { createHash } from 'node:crypto';

/** Hex sha256 of bytes or text: file fingerprints in manifests, and ingest keys. */
export function sha256(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}

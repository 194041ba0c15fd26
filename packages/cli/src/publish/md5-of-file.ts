import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';

/**
 * The MD5 of a file's bytes, in hex, read as a stream. A single-part upload's ETag is this MD5, so it
 * tells whether the stored object already holds these bytes; sent as Content-MD5, it lets the store
 * refuse an upload that arrived damaged.
 */
export async function md5OfFile(file: string): Promise<string> {
  const hash = createHash('md5');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

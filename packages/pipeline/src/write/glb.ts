import type { Document } from '@gltf-transform/core';
import { validateGlb } from '../check/validate.js';
import { getIO } from '../io.js';

/**
 * Serializes a document as one self-contained GLB and proves it with the Khronos
 * validator. Throws (a bug of ours, not the curator's) if the validator finds an error.
 */
export async function writeGlb(document: Document, name: string): Promise<Uint8Array> {
  const io = await getIO();
  const bytes = await io.writeBinary(document);
  const { errors } = await validateGlb(bytes, name);
  if (errors.length > 0) {
    const first = errors[0]!;
    throw new Error(`we produced an invalid ${name}: ${first.code} ${first.message} at ${first.pointer ?? '?'}`);
  }
  return bytes;
}

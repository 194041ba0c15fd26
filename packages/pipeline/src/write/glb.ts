import type { Document } from '@gltf-transform/core';
import { validateGlb } from '../check/validate.js';
import { getIO } from '../io.js';

/**
 * Serializes a document as one self-contained GLB and, unless `validate` is false, proves
 * it with the Khronos validator (see assertValidGlb).
 */
export async function writeGlb(document: Document, name: string, validate = true): Promise<Uint8Array> {
  const bytes = await (await getIO()).writeBinary(document);
  if (validate) await assertValidGlb(bytes, name);
  return bytes;
}

/** Throws (a bug of ours, not the curator's) if the validator finds an error in a GLB we made. */
export async function assertValidGlb(bytes: Uint8Array, name: string): Promise<void> {
  const { errors } = await validateGlb(bytes, name);
  if (errors.length > 0) {
    const first = errors[0]!;
    throw new Error(`we produced an invalid ${name}: ${first.code} ${first.message} at ${first.pointer ?? '?'}`);
  }
}

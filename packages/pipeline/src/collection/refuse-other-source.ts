import type { Artefact } from '@vitrine/core';
import { ScanError } from '../errors.js';

/**
 * An id names one object. Photogrammetry tools call every export `model.obj` or
 * `texturedMesh.obj`, so a second scan can arrive under an id already taken by another
 * object: replacing that artefact silently would lose it and leave its annotations
 * floating on the wrong surface. Only the same source (same bytes) or `--replace` may
 * overwrite it.
 */
export function refuseOtherSource(
  existing: Artefact | undefined,
  source: { file: string; sha256: string },
  options: { id: string; replace?: boolean; suggestion?: string },
): void {
  if (!existing || options.replace || existing.source.sha256 === source.sha256) return;
  const other = existing.source.file === source.file ? `another ${source.file}` : existing.source.file;
  const suggestion = options.suggestion ?? `${options.id}-2`;
  throw new ScanError(
    `the collection already has "${options.id}", made from ${other} (a different scan); give this one its own id with --id ${suggestion}, or replace that artefact with --replace`,
    'id-taken',
  );
}

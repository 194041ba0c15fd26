import type { GLTF } from '@gltf-transform/core';
import { validateBytes, type ValidationIssue } from 'gltf-validator';
import { ScanError } from '../errors.js';

/**
 * Validator errors that do not make the scan wrong, because writing the document again
 * fixes them (bounds are recomputed on write; empty lists, such as the empty extra scene
 * some exporters leave, are dropped).
 */
const REPAIRED_ON_WRITE = new Set(['ACCESSOR_MIN_MISMATCH', 'ACCESSOR_MAX_MISMATCH', 'EMPTY_ENTITY']);

/**
 * Runs the Khronos validator on a glTF or GLB as the curator gave it. Errors that would
 * make the artefact wrong (faces pointing at missing vertices, NaN coordinates, data cut
 * short) become one ScanError in words a curator can act on. `resources` holds the
 * external files, already loaded from inside the scan's folder: the validator reads
 * nothing itself.
 */
export async function validateGltfInput(
  bytes: Uint8Array,
  name: string,
  resources: Readonly<Record<string, Uint8Array | null>>,
  json: GLTF.IGLTF,
): Promise<void> {
  const report = await validateBytes(bytes, {
    uri: name,
    maxIssues: 200,
    externalResourceFunction: async (uri: string) => {
      const data = resources[uri] ?? resources[decodeURIComponent(uri)];
      if (!data) throw new Error(`missing ${uri}`);
      return data;
    },
  });
  // Images are judged by checkImageSizes (from their headers, with sizes in the message)
  // and by decoding them when textures are resized, which says which image is broken.
  const repairable = repairedByRepairScan(json);
  const errors = report.issues.messages.filter(
    (issue) =>
      issue.severity === 0 &&
      !REPAIRED_ON_WRITE.has(issue.code) &&
      !repairable(issue) &&
      !issue.code.startsWith('IMAGE_'),
  );
  if (errors.length > 0) throw new ScanError(describe(errors[0]!, name, errors.length), 'corrupt');
}

/**
 * Errors that repairScan puts right after reading, with a warning: normals that are not
 * unit length or not numbers (renormalized or recomputed), and texture coordinate sets that
 * do not start at 0 (renumbered). A NaN is forgiven only in an accessor used as nothing but
 * NORMAL: in positions it would still be refused.
 */
function repairedByRepairScan(json: GLTF.IGLTF): (issue: ValidationIssue) => boolean {
  const uses = new Map<number, Set<string>>();
  for (const mesh of json.meshes ?? []) {
    for (const primitive of mesh.primitives ?? []) {
      for (const [semantic, accessor] of Object.entries(primitive.attributes ?? {})) {
        uses.set(accessor, (uses.get(accessor) ?? new Set()).add(semantic));
      }
    }
  }
  const onlyNormals = (pointer: string | undefined) => {
    const accessor = /^\/accessors\/(\d+)$/.exec(pointer ?? '')?.[1];
    const semantics = accessor === undefined ? undefined : uses.get(Number(accessor));
    return semantics !== undefined && [...semantics].every((semantic) => semantic === 'NORMAL');
  };
  return (issue) =>
    (issue.code === 'ACCESSOR_VECTOR3_NON_UNIT' && Boolean(issue.pointer?.endsWith('/attributes/NORMAL'))) ||
    (issue.code === 'ACCESSOR_INVALID_FLOAT' && onlyNormals(issue.pointer)) ||
    (issue.code === 'MESH_PRIMITIVE_INDEXED_SEMANTIC_CONTINUITY' && issue.message.includes('TEXCOORD')) ||
    issue.code === 'MESH_PRIMITIVE_TOO_FEW_TEXCOORDS';
}

function describe(issue: ValidationIssue, name: string, count: number): string {
  const where = issue.pointer ? ` (at ${issue.pointer})` : '';
  const more = count > 1 ? ` and ${count - 1} more problem${count > 2 ? 's' : ''}` : '';
  const code = issue.code;
  if (code === 'ACCESSOR_INDEX_OOB') {
    return `${name} is damaged: some faces refer to vertices it does not have${where}${more}; export it again from your scanning software`;
  }
  if (code === 'ACCESSOR_INVALID_FLOAT') {
    return `${name} has invalid numbers (NaN or infinity) in its geometry${where}${more}; export it again, or clean the mesh in your 3D software`;
  }
  if (code.includes('TOO_LONG') || code.includes('TOO_SHORT') || code.includes('LENGTH') || code.startsWith('BUFFER')) {
    return `${name} is truncated or damaged: ${issue.message.replace(/\.$/, '')}${where}; copy or export it again`;
  }
  return `${name} is not valid glTF: ${issue.message.replace(/\.$/, '')}${where}${more}; export it again from your scanning software`;
}

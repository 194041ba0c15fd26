// Wavefront OBJ and MTL text as photogrammetry tools write them: positions, UVs and normals
// listed apart, faces as `f v/vt/vn`, indices from 1, and UVs with v up the image (OBJ's
// convention, the opposite of glTF's).

export interface ObjMesh {
  readonly positions: Float32Array;
  /** glTF convention (v down); flipped on writing. */
  readonly uvs: Float32Array;
  readonly normals: Float32Array;
  readonly corners: { readonly v: Uint32Array; readonly vt: Uint32Array; readonly vn: Uint32Array };
  readonly faceSizes: Uint8Array;
}

export interface ObjNames {
  readonly header: readonly string[];
  readonly object: string;
  readonly material: string;
  readonly mtlFile: string;
  readonly textureFile: string;
}

export function encodeObj(mesh: ObjMesh, names: ObjNames): string {
  const lines: string[] = [...names.header.map((line) => `# ${line}`), `mtllib ${names.mtlFile}`, `o ${names.object}`];
  const { positions, uvs, normals, corners } = mesh;
  for (let i = 0; i < positions.length; i += 3) {
    lines.push(`v ${positions[i]!.toFixed(5)} ${positions[i + 1]!.toFixed(5)} ${positions[i + 2]!.toFixed(5)}`);
  }
  for (let i = 0; i < uvs.length; i += 2) lines.push(`vt ${uvs[i]!.toFixed(6)} ${(1 - uvs[i + 1]!).toFixed(6)}`);
  for (let i = 0; i < normals.length; i += 3) {
    lines.push(`vn ${normals[i]!.toFixed(4)} ${normals[i + 1]!.toFixed(4)} ${normals[i + 2]!.toFixed(4)}`);
  }
  lines.push(`usemtl ${names.material}`);
  let corner = 0;
  for (const size of mesh.faceSizes) {
    const refs: string[] = [];
    for (let k = 0; k < size; k++, corner++) {
      refs.push(`${corners.v[corner]! + 1}/${corners.vt[corner]! + 1}/${corners.vn[corner]! + 1}`);
    }
    lines.push(`f ${refs.join(' ')}`);
  }
  return lines.join('\n') + '\n';
}

export function encodeMtl(names: ObjNames): string {
  return [
    ...names.header.map((line) => `# ${line}`),
    `newmtl ${names.material}`,
    'Ka 1.000000 1.000000 1.000000',
    'Kd 1.000000 1.000000 1.000000',
    'Ks 0.000000 0.000000 0.000000',
    'Ns 0.000000',
    'd 1.000000',
    'illum 1',
    `map_Kd ${names.textureFile}`,
    '',
  ].join('\n');
}

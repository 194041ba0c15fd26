import { Primitive, type Accessor, type mat4 } from '@gltf-transform/core';
import { formatFloat, quoteString, type UsdaWriter } from './usdz-text.js';
import { toSt, type UvAffine } from './usdz-uv.js';

/**
 * Unit normals need far less than float32's 7 digits: 5 put each component within 5e-6,
 * a thousand times finer than an 8-bit normal map, and save ~15% of the layer.
 */
const NORMAL_DIGITS = 5;

export interface MeshPrimOptions {
  /** A valid, unique prim name. */
  name: string;
  primitive: Primitive;
  /** The node's world matrix, baked into points and normals. */
  worldMatrix: mat4;
  /** Absolute path of the bound material prim. */
  materialPath: string;
  doubleSided: boolean;
  /** UV sets to write as st primvars, with the texture transform to bake into each. */
  uvSets: ReadonlyMap<number, UvAffine | null>;
  /** glTF multiplies vertex colour by the base colour factor; so does displayColor here. */
  colorFactor: readonly [number, number, number];
}

/** The primvar a UV set is written as: Quick Look's conventional `st`, then `st1`, ... */
export function stPrimvarName(texCoord: number): string {
  return texCoord === 0 ? 'st' : `st${texCoord}`;
}

/**
 * Triangle corners of a primitive as a flat index list; strips and fans are unrolled.
 * Points and lines have no faces for USD to show and give null.
 */
export function triangleIndices(primitive: Primitive): Uint32Array | null {
  const count = primitive.getIndices()?.getCount() ?? primitive.getAttribute('POSITION')?.getCount() ?? 0;
  const indices = primitive.getIndices();
  const at = (i: number): number => (indices ? indices.getScalar(i) : i);
  switch (primitive.getMode()) {
    case Primitive.Mode.TRIANGLES: {
      const out = new Uint32Array(count - (count % 3));
      for (let i = 0; i < out.length; i++) out[i] = at(i);
      return out;
    }
    case Primitive.Mode.TRIANGLE_STRIP:
    case Primitive.Mode.TRIANGLE_FAN: {
      const strip = primitive.getMode() === Primitive.Mode.TRIANGLE_STRIP;
      const out = new Uint32Array(Math.max(0, count - 2) * 3);
      for (let t = 0; t < count - 2; t++) {
        // Every other strip triangle is stored reversed; unrolled, each keeps its front face.
        const corners = strip ? (t % 2 === 0 ? [t, t + 1, t + 2] : [t + 1, t, t + 2]) : [0, t + 1, t + 2];
        for (let k = 0; k < 3; k++) out[t * 3 + k] = at(corners[k]!);
      }
      return out;
    }
    default:
      return null;
  }
}

/**
 * Writes one primitive as a `def Mesh`: triangles, vertex-interpolated normals, st and
 * displayColor, no subdivision (a scan is already as dense as it should be). Values are
 * read with getElement, which decodes normalized integers, and quantization's
 * dequantizing scale lives in the node matrix we bake; so quantized or meshopt inputs
 * need no dequantized copy of the document.
 */
export function writeMeshPrim(out: UsdaWriter, options: MeshPrimOptions): void {
  const { primitive, worldMatrix: m } = options;
  const position = primitive.getAttribute('POSITION');
  const indices = triangleIndices(primitive);
  if (!position || !indices || indices.length === 0) return;
  const mirrored = determinant3(m) < 0;
  if (mirrored) {
    // A mirroring matrix turns faces inside out; swapping two corners turns them back.
    for (let i = 0; i < indices.length; i += 3) [indices[i + 1], indices[i + 2]] = [indices[i + 2]!, indices[i + 1]!];
  }

  const min = [Infinity, Infinity, Infinity];
  const max = [-Infinity, -Infinity, -Infinity];
  const points = mapVertices(position, (p) => {
    const world = [
      m[0] * p[0]! + m[4] * p[1]! + m[8] * p[2]! + m[12],
      m[1] * p[0]! + m[5] * p[1]! + m[9] * p[2]! + m[13],
      m[2] * p[0]! + m[6] * p[1]! + m[10] * p[2]! + m[14],
    ];
    for (let axis = 0; axis < 3; axis++) {
      min[axis] = Math.min(min[axis]!, world[axis]!);
      max[axis] = Math.max(max[axis]!, world[axis]!);
    }
    return world;
  });

  out.open(`def Mesh ${quoteString(options.name)}`, ['prepend apiSchemas = ["MaterialBindingAPI"]']);
  out.line(`uniform bool doubleSided = ${options.doubleSided ? 1 : 0}`);
  out.line(`float3[] extent = [${tuple(min)},${tuple(max)}]`);
  out.line(`int[] faceVertexCounts = [${new Array<string>(indices.length / 3).fill('3').join(',')}]`);
  out.line(`int[] faceVertexIndices = [${indices.join(',')}]`);
  out.line(`rel material:binding = <${options.materialPath}>`);
  const normal = primitive.getAttribute('NORMAL');
  if (normal) {
    const cofactor = cofactor3(m, mirrored ? -1 : 1);
    const normals = mapVertices(normal, (n) => normalize(multiply3(cofactor, n)), NORMAL_DIGITS);
    out.line(`normal3f[] normals = [${normals}] (interpolation = "vertex")`);
  }
  out.line(`point3f[] points = [${points}]`);
  const color = primitive.getAttribute('COLOR_0');
  if (color) {
    const [r, g, b] = options.colorFactor;
    const colors = mapVertices(color, (c) => [c[0]! * r, c[1]! * g, c[2]! * b]);
    out.line(`color3f[] primvars:displayColor = [${colors}] (interpolation = "vertex")`);
  }
  const uvSets = new Map(options.uvSets);
  if (!uvSets.has(0)) uvSets.set(0, null);
  for (const [texCoord, affine] of [...uvSets].sort(([a], [b]) => a - b)) {
    const uv = primitive.getAttribute(`TEXCOORD_${texCoord}`);
    if (!uv) continue;
    const st: [number, number] = [0, 0];
    const values = mapVertices(uv, (v) => toSt(v[0]!, v[1]!, affine, st));
    out.line(`texCoord2f[] primvars:${stPrimvarName(texCoord)} = [${values}] (interpolation = "vertex")`);
  }
  out.line('uniform token subdivisionScheme = "none"');
  out.close();
}

/** The average COLOR_0 of some primitives, each vertex counted once. */
export function meanVertexColor(primitives: readonly Primitive[]): [number, number, number] {
  const sum = [0, 0, 0];
  let count = 0;
  const element: number[] = [];
  for (const primitive of primitives) {
    const color = primitive.getAttribute('COLOR_0');
    for (let i = 0; i < (color?.getCount() ?? 0); i++) {
      color!.getElement(i, element);
      for (let channel = 0; channel < 3; channel++) sum[channel]! += element[channel]!;
      count++;
    }
  }
  return count === 0 ? [1, 1, 1] : [sum[0]! / count, sum[1]! / count, sum[2]! / count];
}

/**
 * Each element of an accessor, mapped and written as a tuple. The big arrays go without
 * spaces: a usdz is stored uncompressed, so every byte of text is a byte the phone
 * downloads (about a tenth of a scan's layer is spaces otherwise).
 */
function mapVertices(
  accessor: Accessor,
  map: (element: number[]) => ArrayLike<number>,
  significantDigits?: number,
): string {
  const element: number[] = [];
  const parts = new Array<string>(accessor.getCount());
  for (let i = 0; i < parts.length; i++) parts[i] = tuple(map(accessor.getElement(i, element)), significantDigits);
  return parts.join(',');
}

function tuple(values: ArrayLike<number>, significantDigits?: number): string {
  let text = '(';
  for (let i = 0; i < values.length; i++) text += (i > 0 ? ',' : '') + formatFloat(values[i]!, significantDigits);
  return `${text})`;
}

function determinant3(m: mat4): number {
  return m[0] * (m[5] * m[10] - m[9] * m[6]) - m[4] * (m[1] * m[10] - m[9] * m[2]) + m[8] * (m[1] * m[6] - m[5] * m[2]);
}

/**
 * Normals transform by the inverse transpose of the matrix's 3×3 part; the cofactor
 * matrix is that times the determinant, which normalizing removes but for its sign.
 * Rows, for a column-major `m`.
 */
function cofactor3(m: mat4, sign: number): number[] {
  const r0 = [m[0], m[4], m[8]];
  const r1 = [m[1], m[5], m[9]];
  const r2 = [m[2], m[6], m[10]];
  return [...cross(r1, r2), ...cross(r2, r0), ...cross(r0, r1)].map((value) => value * sign);
}

function cross(a: number[], b: number[]): number[] {
  return [a[1]! * b[2]! - a[2]! * b[1]!, a[2]! * b[0]! - a[0]! * b[2]!, a[0]! * b[1]! - a[1]! * b[0]!];
}

function multiply3(rows: number[], v: number[]): number[] {
  return [0, 3, 6].map((row) => rows[row]! * v[0]! + rows[row + 1]! * v[1]! + rows[row + 2]! * v[2]!);
}

function normalize(v: number[]): number[] {
  const length = Math.hypot(v[0]!, v[1]!, v[2]!);
  return length > 0 ? v.map((value) => value / length) : v;
}

import { SRGB_BYTE_TO_LINEAR, srgbToLinear } from './color.js';
import type { PlyElementData } from './ply-body.js';
import type { PlyElement, PlyScalarType } from './ply-header.js';
import { toFloat32Positions } from './positions.js';
import type { PrimitiveData } from './scan-document.js';

/** Vertex property names writers use, in order of preference. */
const POSITION = ['x', 'y', 'z'] as const;
const NORMAL = ['nx', 'ny', 'nz'] as const;
const UV_NAMES = [
  ['s', 't'],
  ['u', 'v'],
  ['texture_u', 'texture_v'],
  ['texture_s', 'texture_t'],
] as const;
const COLOR_NAMES = [
  ['red', 'green', 'blue', 'alpha'],
  ['diffuse_red', 'diffuse_green', 'diffuse_blue', 'diffuse_alpha'],
  ['r', 'g', 'b', 'a'],
] as const;

/** Every vertex property this reader uses; the body reader keeps only these. */
export const PLY_VERTEX_PROPERTIES: ReadonlySet<string> = new Set([
  ...POSITION,
  ...NORMAL,
  ...UV_NAMES.flat(),
  ...COLOR_NAMES.flat(),
]);

export type VertexAttributes = Omit<PrimitiveData, 'indices'>;

/** True when the vertex element has x, y and z. */
export function hasPositions(vertex: PlyElement): boolean {
  return POSITION.every((axis) => vertex.properties.some((property) => property.name === axis));
}

/**
 * Turns the vertex columns into glTF attributes: float32 positions, normals, texture
 * coordinates with v flipped (PLY, like OBJ, has v = 0 at the image's bottom) and linear colour.
 */
export function plyVertexAttributes(vertex: PlyElementData, element: PlyElement): VertexAttributes {
  const columns = vertex.scalars;
  const position = POSITION.map((axis) => columns.get(axis)!);
  const exact = position.some((column) => column instanceof Float64Array);
  const positions = exact ? toFloat32Positions(interleave(position, Float64Array)) : interleave(position, Float32Array);
  const normal = NORMAL.map((axis) => columns.get(axis));
  const uvPair = UV_NAMES.map((pair) => pair.map((axis) => columns.get(axis))).find((pair) => pair.every(Boolean));
  return {
    positions,
    normals: normal.every(Boolean) ? interleave(normal as Float32Array[], Float32Array) : undefined,
    uvs: uvPair && flipV(interleave(uvPair as Float32Array[], Float32Array)),
    colors: vertexColors(vertex, element),
  };
}

function interleave<T extends Float32Array | Float64Array>(
  columns: readonly (Float32Array | Float64Array)[],
  Output: new (length: number) => T,
): T {
  const size = columns.length;
  const count = columns[0]?.length ?? 0;
  const out = new Output(size * count);
  columns.forEach((column, component) => {
    for (let i = 0; i < count; i++) out[size * i + component] = column[i]!;
  });
  return out;
}

export function flipV(uvs: Float32Array): Float32Array {
  for (let i = 1; i < uvs.length; i += 2) uvs[i] = 1 - uvs[i]!;
  return uvs;
}

/**
 * PLY colours are sRGB as 8-bit, 16-bit or float values; glTF wants them linear. Alpha is
 * kept (as VEC4) only when some vertex is not opaque, which scanners rarely mean.
 */
function vertexColors(vertex: PlyElementData, element: PlyElement): PrimitiveData['colors'] {
  const names = COLOR_NAMES.find((set) => set.slice(0, 3).every((channel) => vertex.scalars.has(channel)));
  if (!names) return undefined;
  const typeOf = (channel: string) => element.properties.find((property) => property.name === channel)!.type;
  const channels = names.filter((channel) => vertex.scalars.has(channel));
  const scaled = channels.map((channel) => toUnitRange(vertex.scalars.get(channel)!, typeOf(channel)));
  const alpha = scaled[3];
  const components = alpha && alpha.some((value) => value < 1) ? 4 : 3;
  const values = new Float32Array(components * vertex.count);
  for (let i = 0; i < vertex.count; i++) {
    for (let channel = 0; channel < components; channel++) {
      const value = scaled[channel]![i]!;
      values[components * i + channel] = channel === 3 ? value : linear(value, typeOf(channels[channel]!));
    }
  }
  return { values, components };
}

/** 0-1 values; floats above 1 are taken as written on a 0-255 scale, as some tools do. */
function toUnitRange(column: Float32Array | Float64Array, type: PlyScalarType): Float32Array {
  const maximum = { uint8: 255, uint16: 65535, int8: 127, int16: 32767, int32: 255, uint32: 255 } as const;
  const scale =
    type === 'float32' || type === 'float64' ? (column.some((value) => value > 1) ? 255 : 1) : maximum[type];
  return Float32Array.from(column, (value) => Math.min(1, Math.max(0, value / scale)));
}

function linear(value: number, type: PlyScalarType): number {
  return type === 'uint8' ? SRGB_BYTE_TO_LINEAR[Math.round(value * 255)]! : srgbToLinear(value);
}

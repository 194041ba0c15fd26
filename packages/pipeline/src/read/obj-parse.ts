import { Growable, float32s, float64s, int32s, uint32s } from './growable.js';
import { readNumbers, splitKeyword, textLineBatches } from './text-lines.js';

/** Marks a face corner's optional uv or normal as not given. */
export const ABSENT = -1;
/** Stands for an index that cannot be right (0, unparseable, or before the first vertex). */
const INVALID = 0x7fffffff;

/** The faces that use one material (`usemtl`), in file order. */
export interface ObjFaceGroup {
  /** The usemtl name; undefined for faces before any usemtl. */
  material: string | undefined;
  /** Three numbers a corner: position, uv and normal index, 0-based, not yet range-checked. */
  corners: Int32Array;
  /** How many corners each face has. */
  faceSizes: Uint32Array;
}

/** An OBJ file as written, before it becomes glTF primitives. */
export interface ObjModel {
  positions: Float64Array;
  /** Present when some vertex has a colour (`v x y z r g b`): sRGB as written, 0-1 or 0-255. */
  colors?: Float32Array;
  uvs: Float32Array;
  normals: Float32Array;
  groups: ObjFaceGroup[];
  /** `mtllib` values, wherever in the file they were. */
  materialLibraries: string[];
}

interface GroupBuilder {
  material: string | undefined;
  corners: Growable<Int32Array>;
  faceSizes: Growable<Uint32Array>;
}

const CHAR = { space: 32, slash: 47, minus: 45, zero: 48, nine: 57, backslash: 92, f: 102, n: 110, t: 116, v: 118 };

/**
 * Reads the statements a scan needs (v, vt, vn, f, usemtl, mtllib) and skips the rest
 * (lines, curves, smoothing groups): none of them is part of a scanned surface. The
 * frequent statements are recognised by their first characters and scanned in place;
 * this loop is where a 10 MB OBJ spends its time.
 */
export function parseObj(chunks: Iterable<Uint8Array>, name: string): ObjModel {
  const positions = new Growable(float64s);
  const colors = new Growable(float32s);
  const uvs = new Growable(float32s);
  const normals = new Growable(float32s);
  const groups = new Map<string | undefined, GroupBuilder>();
  const materialLibraries: string[] = [];
  const numbers = new Float64Array(6);
  const corners: number[] = [];
  let group = groupFor(groups, undefined);
  let continued = '';
  for (const batch of textLineBatches(chunks, name)) {
    for (const fileLine of batch) {
      const end = fileLine.endsWith('\r') ? fileLine.length - 1 : fileLine.length;
      // A trailing backslash continues a statement on the next line.
      if (fileLine.charCodeAt(end - 1) === CHAR.backslash) {
        continued += `${fileLine.slice(0, end - 1)} `;
        continue;
      }
      const line = continued ? continued + fileLine : fileLine;
      continued = '';
      let at = 0;
      while (at < line.length && line.charCodeAt(at) <= CHAR.space) at++;
      const [first, second, third] = [line.charCodeAt(at), line.charCodeAt(at + 1), line.charCodeAt(at + 2)];
      if (first === CHAR.v && second <= CHAR.space) {
        const count = readNumbers(line, at + 1, numbers);
        for (let axis = 0; axis < 3; axis++) positions.push(axis < count ? numbers[axis]! : NaN);
        if (count >= 6) {
          // Colours can start part-way through a file: the vertices before them are white.
          while (colors.length < positions.length - 3) colors.push(1);
          for (let channel = 3; channel < 6; channel++) colors.push(numbers[channel]!);
        } else if (colors.length > 0) {
          for (let channel = 0; channel < 3; channel++) colors.push(1);
        }
      } else if (first === CHAR.v && second === CHAR.t && third <= CHAR.space) {
        const count = readNumbers(line, at + 2, numbers.subarray(0, 2));
        uvs.push(count > 0 ? numbers[0]! : 0);
        uvs.push(count > 1 ? numbers[1]! : 0);
      } else if (first === CHAR.v && second === CHAR.n && third <= CHAR.space) {
        const count = readNumbers(line, at + 2, numbers.subarray(0, 3));
        for (let axis = 0; axis < 3; axis++) normals.push(axis < count ? numbers[axis]! : NaN);
      } else if (first === CHAR.f && second <= CHAR.space) {
        const counts = [positions.length / 3, uvs.length / 2, normals.length / 3] as const;
        readFaceCorners(line, at + 1, counts, corners);
        // Fewer than three corners is a line or a point, not part of a surface.
        if (corners.length < 9) continue;
        for (const index of corners) group.corners.push(index);
        group.faceSizes.push(corners.length / 3);
      } else {
        const { keyword, rest } = splitKeyword(line);
        if (keyword === 'usemtl') group = groupFor(groups, rest);
        else if (keyword === 'mtllib' && rest) materialLibraries.push(rest);
      }
    }
  }
  return {
    positions: positions.toArray(),
    colors: colors.length > 0 ? colors.toArray() : undefined,
    uvs: uvs.toArray(),
    normals: normals.toArray(),
    groups: [...groups.values()]
      .filter((builder) => builder.faceSizes.length > 0)
      .map(({ material, corners, faceSizes }) => ({
        material,
        corners: corners.toArray(),
        faceSizes: faceSizes.toArray(),
      })),
    materialLibraries,
  };
}

function groupFor(groups: Map<string | undefined, GroupBuilder>, material: string | undefined): GroupBuilder {
  let group = groups.get(material);
  if (!group) {
    group = { material, corners: new Growable(int32s), faceSizes: new Growable(uint32s) };
    groups.set(material, group);
  }
  return group;
}

/**
 * Scans the corners of `f v/vt/vn ...` into `out`, three numbers a corner. `counts` (of
 * positions, uvs and normals so far) resolve negative indices, which count back from the
 * latest vertex.
 */
function readFaceCorners(line: string, start: number, counts: readonly number[], out: number[]): void {
  out.length = 0;
  let at = start;
  for (;;) {
    while (at < line.length && line.charCodeAt(at) <= CHAR.space) at++;
    if (at >= line.length) return;
    for (let field = 0; field < 3; field++) {
      let sign = 1;
      if (line.charCodeAt(at) === CHAR.minus) {
        sign = -1;
        at++;
      }
      let value = 0;
      let digits = 0;
      for (let code = line.charCodeAt(at); code >= CHAR.zero && code <= CHAR.nine; code = line.charCodeAt(++at)) {
        value = value * 10 + code - CHAR.zero;
        digits++;
      }
      out.push(digits === 0 && field > 0 ? ABSENT : resolveIndex(sign * value, counts[field]!));
      const next = line.charCodeAt(at);
      if (next === CHAR.slash) at++;
      else {
        // Anything but a separator here makes the corner unreadable.
        if (at < line.length && next > CHAR.space) out[out.length - 1] = INVALID;
        while (at < line.length && line.charCodeAt(at) > CHAR.space) at++;
        for (let rest = field + 1; rest < 3; rest++) out.push(ABSENT);
        break;
      }
    }
  }
}

function resolveIndex(index: number, countSoFar: number): number {
  if (index > 0) return Math.min(index - 1, INVALID);
  if (index < 0 && countSoFar + index >= 0) return countSoFar + index;
  return INVALID;
}

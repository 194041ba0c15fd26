import { Primitive, type Accessor, type Document, type Transform } from '@gltf-transform/core';
import { compactPrimitive, convertPrimitiveToTriangles, createTransform, weld } from '@gltf-transform/functions';
import { MeshoptSimplifier, type SimplifierFlags } from 'meshoptimizer';
import { countTriangles, primitiveTriangles } from '../check/count.js';

const NAME = 'simplifyWithAttributes';

/** meshoptimizer's vertex_lock flag that keeps an attribute seam at this vertex in permissive mode. */
const PROTECT = 2;

export interface SimplifyWithAttributesOptions {
  /** Fraction of each primitive's triangles to keep, 0–1. Ignored when `targetTriangles` is set. */
  ratio?: number;
  /**
   * Triangles the whole document should have afterwards. Each primitive is given its share in
   * proportion to the triangles it has now, so a dense part stays denser than a sparse one.
   */
  targetTriangles?: number;
  /**
   * Largest error the simplifier may introduce, relative to each primitive's extent (0.01 = 1%);
   * it combines position and weighted attribute error. Infinity (the default) sets no limit, so
   * the target is met; a finite error may stop short of it.
   */
  error?: number;
  /**
   * Weight of NORMAL. The scale of every weight: meshoptimizer rescales positions so that the
   * primitive's extent is 1 and adds weight × attribute error to the position error in those
   * units, so at 0.25 a normal off by 0.04 (about 2°) costs as much as the surface moving by 1% of
   * the extent. meshoptimizer suggests 0.5; scan normals are derived from noisy geometry, and on
   * both measured scans 0.25 kept the surface and the colours closer at little cost to shading.
   */
  normalWeight?: number;
  /**
   * Weight of COLOR_0 (RGB in 0–1, premultiplied by alpha). At 1, meshoptimizer's suggestion for
   * normalized colours, a colour off by 0.01 (2.5 of 255) costs as much as the surface moving by
   * 1% of the extent: vertex-coloured scans carry their whole look in the colours.
   */
  colorWeight?: number;
  /**
   * Weight of TEXCOORD_0, or 'auto': `UV_DENSITY_FACTOR / sqrt(mean UV area of a triangle)`, the
   * reciprocal UV density meshoptimizer recommends, so that a UV error of a given fraction of a
   * triangle's own UV size costs the same whatever the atlas layout and triangle count.
   */
  uvWeight?: number | 'auto';
  /**
   * Let collapses cross normal creases (meshoptimizer's Permissive mode) while UV and colour seams
   * stay protected. For faceted meshes, where every vertex sits on a normal seam and the strict
   * mode cannot remove anything. `'unprotected'` also lets UV and colour seams go: a last resort.
   */
  permissive?: boolean | 'unprotected';
  /** Keep vertices on the mesh's open borders in place (for meshes meant to be stitched). */
  lockBorder?: boolean;
}

type Defaults = Required<Omit<SimplifyWithAttributesOptions, 'targetTriangles'>>;

export const SIMPLIFY_WITH_ATTRIBUTES_DEFAULTS: Readonly<Defaults> = Object.freeze({
  ratio: 0.5,
  error: Infinity,
  normalWeight: 0.25,
  colorWeight: 1,
  uvWeight: 'auto',
  permissive: false,
  lockBorder: false,
});

/**
 * Scale of the automatic UV weight, measured on the Bali mask (100k triangles, 1,272 UV charts,
 * auto weight 108) simplified to 20k. Against position-only simplification (mean, 95th percentile):
 * texture colour seen at each source vertex's nearest surface point 3.9, 16 (was 4.5, 18; RGB
 * distance of 0–255), UV drift within a chart 0.8, 2.5 texels of 4096 (was 1.1, 4.2), normals
 * 5.7°, 21° (was 7.0°, 29°), surface 2.5e-4, 8.4e-4 of the diagonal (was 2.1e-4, 6.8e-4). A factor
 * of 1 bought 8% less texture error for 21% more surface error; 0 lost the texture gain.
 */
export const UV_DENSITY_FACTOR = 0.25;

/**
 * Simplifies triangle meshes with meshoptimizer's attribute-aware simplifier: where to collapse is
 * decided by how much the surface, its normals, its vertex colours and its texture mapping would
 * change, not by the surface alone as in gltf-transform's `simplify`. Attribute seams (a UV chart's
 * edge, where vertices share a position but not a UV) are found by meshoptimizer from the
 * position-equal vertices of the welded mesh and kept: no triangle ever joins two charts. Removed
 * vertices are then dropped from the vertex streams.
 */
export function simplifyWithAttributes(options: SimplifyWithAttributesOptions = {}): Transform {
  const settings: Defaults = { ...SIMPLIFY_WITH_ATTRIBUTES_DEFAULTS, ...options };
  return createTransform(NAME, async (document: Document) => {
    await MeshoptSimplifier.ready;
    // meshoptimizer finds seams only between distinct vertices at one position: it needs an
    // indexed mesh without bitwise duplicates.
    await document.transform(weld({ overwrite: false }));
    const total = countTriangles(document);
    const ratio = options.targetTriangles === undefined ? settings.ratio : options.targetTriangles / Math.max(total, 1);
    for (const mesh of document.getRoot().listMeshes()) {
      for (const primitive of mesh.listPrimitives()) {
        const mode = primitive.getMode();
        if (mode === Primitive.Mode.TRIANGLE_STRIP || mode === Primitive.Mode.TRIANGLE_FAN) {
          convertPrimitiveToTriangles(primitive);
        } else if (mode !== Primitive.Mode.TRIANGLES) continue;
        simplifyPrimitive(document, primitive, Math.max(0, Math.min(1, ratio)), settings);
        if (primitiveTriangles(primitive) === 0) primitive.dispose();
      }
      if (mesh.listPrimitives().length === 0) mesh.dispose();
    }
  });
}

function simplifyPrimitive(document: Document, primitive: Primitive, ratio: number, settings: Defaults): void {
  const position = primitive.getAttribute('POSITION');
  const indices = primitive.getIndices();
  if (!position || !indices) return;
  const vertexCount = position.getCount();
  const sourceIndices = Uint32Array.from(indices.getArray() ?? []);
  const targetIndexCount = Math.floor((sourceIndices.length / 3) * ratio) * 3;
  if (targetIndexCount >= sourceIndices.length) return;

  const positions = readFloats(position);
  const streams = attributeStreams(primitive, sourceIndices, settings);
  const stride = streams.reduce((sum, stream) => sum + stream.size, 0);
  const attributes = new Float32Array(vertexCount * stride);
  const weights: number[] = [];
  let offset = 0;
  for (const stream of streams) {
    for (let v = 0; v < vertexCount; v++) {
      for (let c = 0; c < stream.size; c++) attributes[v * stride + offset + c] = stream.values[v * stream.size + c]!;
    }
    for (let c = 0; c < stream.size; c++) weights.push(stream.weight);
    offset += stream.size;
  }

  const flags: SimplifierFlags[] = [];
  if (settings.lockBorder) flags.push('LockBorder');
  if (settings.permissive) flags.push('Permissive');
  // Skinned or morphed meshes deform; even triangles deform better (as gltfpack does).
  if (primitive.getAttribute('JOINTS_0') || primitive.listTargets().length > 0) flags.push('Regularize');
  const lock = settings.permissive === true ? protectedSeams(positions, streams) : null;

  const [simplified, error] = MeshoptSimplifier.simplifyWithAttributes(
    sourceIndices,
    positions,
    3,
    attributes,
    stride,
    weights,
    lock,
    targetIndexCount,
    settings.error,
    flags,
  );
  document
    .getLogger()
    .debug(`${NAME}: ${sourceIndices.length / 3} → ${simplified.length / 3} triangles, error ${error.toFixed(4)}`);
  const buffer = indices.getBuffer();
  primitive.setIndices(document.createAccessor().setType('SCALAR').setBuffer(buffer).setArray(simplified));
  if (indices.listParents().every((parent) => parent === document.getRoot())) indices.dispose();
  // Removed vertices would still be stored and downloaded: compact every stream to the survivors
  // (which also narrows the indices to 16 bits when they fit).
  compactPrimitive(primitive);
  primitive.getIndices()?.setBuffer(buffer);
}

interface AttributeStream {
  semantic: string;
  size: number;
  weight: number;
  values: Float32Array;
}

/** The attributes that carry a scan's look, as float streams with their weights. */
function attributeStreams(primitive: Primitive, indices: Uint32Array, settings: Defaults): AttributeStream[] {
  const streams: AttributeStream[] = [];
  const normal = primitive.getAttribute('NORMAL');
  if (normal && settings.normalWeight > 0) {
    streams.push({ semantic: 'NORMAL', size: 3, weight: settings.normalWeight, values: readFloats(normal) });
  }
  const color = primitive.getAttribute('COLOR_0');
  if (color && settings.colorWeight > 0) {
    streams.push({ semantic: 'COLOR_0', size: 3, weight: settings.colorWeight, values: premultipliedRgb(color) });
  }
  const uv = primitive.getAttribute('TEXCOORD_0');
  if (uv) {
    const values = readFloats(uv);
    const weight = settings.uvWeight === 'auto' ? automaticUvWeight(values, indices) : settings.uvWeight;
    if (weight > 0) streams.push({ semantic: 'TEXCOORD_0', size: 2, weight, values });
  }
  return streams;
}

/** UV_DENSITY_FACTOR / sqrt(mean |UV area| of a triangle), or 0 for a mesh without UV area. */
function automaticUvWeight(uv: Float32Array, indices: Uint32Array): number {
  let area = 0;
  for (let t = 0; t < indices.length; t += 3) {
    const a = indices[t]! * 2;
    const b = indices[t + 1]! * 2;
    const c = indices[t + 2]! * 2;
    const abu = uv[b]! - uv[a]!;
    const abv = uv[b + 1]! - uv[a + 1]!;
    const acu = uv[c]! - uv[a]!;
    const acv = uv[c + 1]! - uv[a + 1]!;
    area += Math.abs(abu * acv - acu * abv) / 2;
  }
  const mean = area / Math.max(1, indices.length / 3);
  return mean > 0 ? UV_DENSITY_FACTOR / Math.sqrt(mean) : 0;
}

/**
 * meshoptimizer's recipe for permissive mode: of the vertices sharing one position, each whose
 * UV or colour differs from the first one's lies on a seam that must stay. Normals are left out
 * on purpose: letting normal creases go is what permissive mode is for.
 */
function protectedSeams(positions: Float32Array, streams: AttributeStream[]): Uint8Array {
  const remap = MeshoptSimplifier.generatePositionRemap(positions, 3);
  const lock = new Uint8Array(remap.length);
  const seams = streams.filter((stream) => stream.semantic !== 'NORMAL');
  for (let v = 0; v < remap.length; v++) {
    const first = remap[v]!;
    if (first === v) continue;
    const differs = seams.some(({ size, values }) => {
      for (let c = 0; c < size; c++) if (values[v * size + c] !== values[first * size + c]) return true;
      return false;
    });
    if (differs) lock[v] = PROTECT;
  }
  return lock;
}

/** An accessor's elements as floats, normalized integers turned into 0–1 (or −1–1) as a renderer reads them. */
function readFloats(accessor: Accessor): Float32Array {
  const array = accessor.getArray();
  if (array instanceof Float32Array && !accessor.getNormalized()) return array;
  const size = accessor.getElementSize();
  const out = new Float32Array(accessor.getCount() * size);
  const element: number[] = [];
  for (let i = 0; i < accessor.getCount(); i++) {
    accessor.getElement(i, element);
    for (let c = 0; c < size; c++) out[i * size + c] = element[c]!;
  }
  return out;
}

/** RGB premultiplied by alpha, so that a transparent vertex's colour matters as little as it shows. */
function premultipliedRgb(color: Accessor): Float32Array {
  const values = readFloats(color);
  const size = color.getElementSize();
  const rgb = new Float32Array(color.getCount() * 3);
  for (let v = 0; v < color.getCount(); v++) {
    const alpha = size === 4 ? values[v * 4 + 3]! : 1;
    for (let c = 0; c < 3; c++) rgb[v * 3 + c] = values[v * size + c]! * alpha;
  }
  return rgb;
}

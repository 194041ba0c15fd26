// The subdivided benchmark's input: the real Bali mask scan (100k triangles) subdivided twice
// with scanner-like noise, 1.6M triangles, written once as a GLB with its texture embedded
// and reused while its recipe is unchanged.
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Primitive, type Accessor, type Document } from '@gltf-transform/core';
import { countTriangles, countVertices, getIO, readScan } from '@vitrine/pipeline';
import { BENCH_DIR, ensureSource, ROOT, SOURCES } from './sources.js';
import { subdivideWithNoise, type IndexedMesh, type MeshAttribute } from './subdivided-mesh.js';

export const SUBDIVIDED_DIR = path.join(BENCH_DIR, 'subdivided');

/** What the GLB is made from and how; a cached GLB made by another recipe is made again. */
export const SUBDIVIDED_RECIPE = Object.freeze({
  source: 'bali-mask',
  levels: 2,
  /** ±0.02 % of the bounding-box diagonal: about 70 µm on the 34 cm mask, a good scanner's noise. */
  noiseOfDiagonal: 0.0002,
  seed: 20_240_601,
});

export interface SubdividedSource {
  readonly file: string;
  readonly bytes: number;
  readonly triangles: number;
  readonly vertices: number;
  readonly sourceTriangles: number;
  /** Time it took to make, when it was made (a reused GLB keeps its first note). */
  readonly makeMs: number;
  readonly reused: boolean;
  readonly recipe: typeof SUBDIVIDED_RECIPE;
}

/** The GLB, made when missing; or why it cannot be (the Bali mask is not beside the project). */
export async function ensureSubdividedSource(
  log: (line: string) => void,
): Promise<SubdividedSource | { skipped: string }> {
  const scan = SOURCES.find((source) => source.name === SUBDIVIDED_RECIPE.source)!;
  const file = path.join(SUBDIVIDED_DIR, `${scan.name}-x${SUBDIVIDED_RECIPE.levels}.glb`);
  const noteFile = `${file}.json`;
  const note = await readNote(noteFile);
  if (note && existsSync(file) && JSON.stringify(note.recipe) === JSON.stringify(SUBDIVIDED_RECIPE)) {
    return { ...note, file, reused: true };
  }
  const absent = await ensureSource(scan);
  if (absent) return { skipped: absent };

  log(`making ${path.relative(ROOT, file)} from ${path.relative(ROOT, scan.file)} (once; reused after)`);
  const started = performance.now();
  const read = await readScan(scan.file);
  const sourceTriangles = countTriangles(read.document);
  subdivideDocument(read.document);
  const bytes = await (await getIO()).writeBinary(read.document);
  await mkdir(SUBDIVIDED_DIR, { recursive: true });
  // Written aside and renamed: a GLB at its name is a whole one, even after an interrupted run.
  await writeFile(`${file}.partial`, bytes);
  await rename(`${file}.partial`, file);
  const made = {
    bytes: bytes.byteLength,
    triangles: countTriangles(read.document),
    vertices: countVertices(read.document),
    sourceTriangles,
    makeMs: performance.now() - started,
    recipe: SUBDIVIDED_RECIPE,
  };
  await writeFile(noteFile, `${JSON.stringify(made, null, 2)}\n`);
  return { ...made, file, reused: false };
}

/** Every triangle primitive of the document subdivided in place, its old accessors removed. */
export function subdivideDocument(document: Document): void {
  const primitives = document
    .getRoot()
    .listMeshes()
    .flatMap((mesh) => mesh.listPrimitives());
  const amplitude = SUBDIVIDED_RECIPE.noiseOfDiagonal * boundsDiagonal(primitives);
  const replaced = new Set<Accessor>();
  for (const primitive of primitives) {
    if (primitive.getMode() !== Primitive.Mode.TRIANGLES) throw new Error('only triangle lists are subdivided');
    if (primitive.listTargets().length > 0) throw new Error('morph targets are not subdivided');
    const subdivided = subdivideWithNoise(meshOf(primitive), {
      levels: SUBDIVIDED_RECIPE.levels,
      noiseAmplitude: amplitude,
      seed: SUBDIVIDED_RECIPE.seed,
    });
    for (const semantic of primitive.listSemantics()) {
      const old = primitive.getAttribute(semantic)!;
      replaced.add(old);
      const accessor = document
        .createAccessor()
        .setType(old.getType())
        .setArray(subdivided.attributes[semantic]!.values)
        .setBuffer(old.getBuffer());
      primitive.setAttribute(semantic, accessor);
    }
    const oldIndices = primitive.getIndices();
    if (oldIndices) replaced.add(oldIndices);
    primitive.setIndices(
      document
        .createAccessor()
        .setArray(subdivided.indices)
        .setBuffer(oldIndices?.getBuffer() ?? null),
    );
  }
  // Disposed only once nothing uses them: two primitives may have shared one.
  for (const accessor of replaced) {
    if (accessor.listParents().every((parent) => parent === document.getRoot())) accessor.dispose();
  }
}

function meshOf(primitive: Primitive): IndexedMesh {
  const attributes: Record<string, MeshAttribute> = {};
  for (const semantic of primitive.listSemantics()) attributes[semantic] = floats(primitive.getAttribute(semantic)!);
  const count = primitive.getAttribute('POSITION')!.getCount();
  const indices = primitive.getIndices()?.getArray();
  return {
    attributes,
    indices: indices ? Uint32Array.from(indices) : Uint32Array.from({ length: count }, (_, vertex) => vertex),
  };
}

/** An attribute as floats: normalized integers (quantized scans) as the values they stand for. */
function floats(accessor: Accessor): MeshAttribute {
  const itemSize = accessor.getElementSize();
  const array = accessor.getArray();
  if (array instanceof Float32Array) return { values: array, itemSize };
  const values = new Float32Array(accessor.getCount() * itemSize);
  const element: number[] = [];
  for (let index = 0; index < accessor.getCount(); index++)
    values.set(accessor.getElement(index, element), index * itemSize);
  return { values, itemSize };
}

function boundsDiagonal(primitives: readonly Primitive[]): number {
  const min = [Infinity, Infinity, Infinity];
  const max = [-Infinity, -Infinity, -Infinity];
  for (const primitive of primitives) {
    const position = primitive.getAttribute('POSITION')!;
    const [low, high] = [position.getMin([]), position.getMax([])];
    for (let k = 0; k < 3; k++) {
      min[k] = Math.min(min[k]!, low[k]!);
      max[k] = Math.max(max[k]!, high[k]!);
    }
  }
  return Math.hypot(max[0]! - min[0]!, max[1]! - min[1]!, max[2]! - min[2]!);
}

async function readNote(file: string) {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as Omit<SubdividedSource, 'file' | 'reused'>;
  } catch {
    return undefined;
  }
}

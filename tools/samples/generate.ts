// Generates the project's own sample scans: files that behave like real photogrammetry and
// laser-scan output (dense noisy meshes, many-island UV atlases, baked textures, vertex
// colour, odd units and axes), made from code so no real scan is ever committed. Every
// value comes from seeded randomness: two runs write byte-identical files.
//
//   npx tsx tools/samples/generate.ts <outDir> [--small]
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { makeAmphora } from './amphora-glb.js';
import { makeBust } from './bust-ply.js';
import { AMPHORA_SIZES, BUST_SIZES, TABLET_SIZES, type SampleScale } from './scales.js';
import { TABLET_FILES, makeTablet } from './tablet-obj.js';

export type { SampleScale } from './scales.js';

/** One generated scan, by its main file. */
export interface SampleFile {
  /** Short id, also the file's base name: `amphora`, `bust`, `tablet`. */
  readonly name: string;
  /** Absolute path of the main file (an OBJ's MTL and texture lie beside it). */
  readonly path: string;
  readonly format: 'glb' | 'ply' | 'obj';
  readonly triangles: number;
  /** The unit the file's coordinates are in, which the file itself does not say (except glTF). */
  readonly units: 'm' | 'cm' | 'mm';
  readonly up: 'y' | 'z';
  readonly description: string;
}

export interface GenerateOptions {
  /** `full` (default) for the collection, `small` for fast tests: same kinds of file, far fewer triangles. */
  readonly scale?: SampleScale;
}

/** Writes amphora.glb, bust.ply and tablet/{tablet.obj,tablet.mtl,tablet_diffuse.jpg} into `outDir`. */
export async function generateSamples(outDir: string, options: GenerateOptions = {}): Promise<SampleFile[]> {
  const scale = options.scale ?? 'full';
  const root = path.resolve(outDir);
  // Each maker bakes synchronously and hands its JPEG encode to sharp's thread, so the
  // next one builds while the previous encodes: two cores, no worker threads.
  const amphora = makeAmphora(AMPHORA_SIZES[scale]);
  const tablet = makeTablet(TABLET_SIZES[scale]);
  const bust = makeBust(BUST_SIZES[scale]);
  const [amphoraResult, tabletResult] = await Promise.all([amphora, tablet]);

  await mkdir(path.join(root, 'tablet'), { recursive: true });
  await writeAtomically(path.join(root, 'amphora.glb'), amphoraResult.glb);
  await writeAtomically(path.join(root, 'bust.ply'), bust.ply);
  // The texture and material first: an OBJ never points at files not yet there.
  await writeAtomically(path.join(root, 'tablet', TABLET_FILES.texture), tabletResult.jpeg);
  await writeAtomically(path.join(root, 'tablet', TABLET_FILES.mtl), tabletResult.mtl);
  await writeAtomically(path.join(root, 'tablet', TABLET_FILES.obj), tabletResult.obj);

  return [
    {
      name: 'amphora',
      path: path.join(root, 'amphora.glb'),
      format: 'glb',
      triangles: amphoraResult.triangles,
      units: 'm',
      up: 'y',
      description:
        'Black-figure amphora, 0.45 m tall, metres, Y up: a photogrammetry-style GLB with normals, ' +
        `a ${AMPHORA_SIZES[scale].textureSize}² JPEG baked onto a many-island UV atlas, and scan noise.`,
    },
    {
      name: 'bust',
      path: path.join(root, 'bust.ply'),
      format: 'ply',
      triangles: bust.triangles,
      units: 'mm',
      up: 'z',
      description:
        'Marble bust on a socle, 352 mm tall, in millimetres with Z up and the face towards -Y ' +
        '(ingest with --units mm --up z): a binary little-endian PLY laser scan with normals and RGBA vertex colour, no texture.',
    },
    {
      name: 'tablet',
      path: path.join(root, 'tablet', TABLET_FILES.obj),
      format: 'obj',
      triangles: tabletResult.triangles,
      units: 'cm',
      up: 'y',
      description:
        'Carved limestone tablet, 30 × 21 × 4 cm, in centimetres with Y up and the carved face towards +Z ' +
        `(ingest with --units cm): OBJ + MTL + ${TABLET_SIZES[scale].textureSize}² JPEG (map_Kd), V flipped as OBJ expects, triangles and quads.`,
    },
  ];
}

/** Writes beside the target, then renames: a reader never sees half a file. */
async function writeAtomically(file: string, data: string | Uint8Array): Promise<void> {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    await writeFile(temporary, data);
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const [outDir, flag] = process.argv.slice(2);
  if (!outDir) {
    console.error('usage: tsx tools/samples/generate.ts <outDir> [--small]');
    process.exit(2);
  }
  const started = performance.now();
  const files = await generateSamples(outDir, { scale: flag === '--small' ? 'small' : 'full' });
  for (const file of files) {
    console.log(
      `${file.path}  ${file.format}  ${file.triangles.toLocaleString('en')} triangles  (${file.units}, ${file.up} up)`,
    );
  }
  console.log(`Generated in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

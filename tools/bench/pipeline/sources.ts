import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateSamples } from '../../samples/generate.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
/** Real scans made by others, beside the project (see ../shared/scans/README.md); may be absent. */
export const SCANS_DIR = path.resolve(ROOT, '../shared/scans');
export const BENCH_DIR = path.join(ROOT, '.cache/bench');

export interface BenchSource {
  /** Short name, for --only and the tables. */
  readonly name: string;
  readonly description: string;
  /** The scan file as a curator would hand it over. */
  readonly file: string;
  /** Made by our sample generator when missing, rather than skipped. */
  readonly generated?: 'full' | 'small';
}

const scan = (relative: string) => path.join(SCANS_DIR, relative);

/** Every source the benchmark knows, real scans first, in the order the tables are printed. */
export const SOURCES: readonly BenchSource[] = [
  {
    name: 'bali-mask',
    description: 'photogrammetry, glTF + .bin + 4096² JPEG',
    file: scan('bali-mask/mask-gltf-2.0_separated-valid.gltf'),
  },
  {
    name: 'bali-mask-obj',
    description: 'the same scan as OBJ + MTL + JPEG',
    file: scan('bali-mask-obj/mask.obj'),
  },
  {
    name: 'usnm-1145291',
    description: 'Smithsonian AR derivative, Draco GLB, three 2048² JPEGs',
    file: scan('usnm-1145291/USNM_1145291-150k-2048-medium-100k-2048_draco.glb'),
  },
  {
    name: 'lee-perry-smith',
    description: 'head scan GLB, 1024² colour + normal',
    file: scan('lee-perry-smith/LeePerrySmith.glb'),
  },
  { name: 'laurana', description: 'laser scan PLY, vertex colour', file: scan('3dhop/laurana.ply') },
  { name: 'gargo', description: 'laser scan PLY, vertex colour', file: scan('3dhop/gargo.ply') },
  {
    name: 'amphora',
    description: 'generated sample, 4096² JPEG on a many-island atlas',
    file: path.join(BENCH_DIR, 'samples/amphora.glb'),
    generated: 'full',
  },
];

/** For --quick: the smallest real scan, or a small generated amphora on a fresh clone. */
export const QUICK_SOURCES: readonly BenchSource[] = [
  SOURCES.find((source) => source.name === 'lee-perry-smith')!,
  {
    name: 'amphora-small',
    description: 'generated sample at test scale',
    file: path.join(BENCH_DIR, 'samples-small/amphora.glb'),
    generated: 'small',
  },
];

/** Why a source cannot be benchmarked here, or undefined when its file is there (or was just made). */
export async function ensureSource(source: BenchSource): Promise<string | undefined> {
  if (existsSync(source.file)) return undefined;
  if (!source.generated) return `${path.relative(ROOT, source.file)} is absent`;
  await generateSamples(path.dirname(source.file), { scale: source.generated });
  return existsSync(source.file) ? undefined : `the sample generator did not write ${source.file}`;
}

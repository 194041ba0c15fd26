// A photogrammetry export of any size, for testing that ingest works in bounded memory: a
// marble bust in millimetres with Z up, as OBJ + MTL + several JPEG atlases, one material
// per atlas. Deterministic (seeded), and streamed: the generator's memory is a few lattice
// rows and one atlas, whether the scan has 2 thousand triangles or 30 million.
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { encodeMtl } from './obj.js';
import { encodeAtlas, layoutAtlases } from './large-scan-atlases.js';
import { largeScanCharts, largeScanCounts, largeScanLattice } from './large-scan-lattice.js';
import { writeLargeScanObj, type PassProgress } from './large-scan-obj.js';
import { SurfaceRows } from './large-scan-surface.js';
import { TextFileWriter } from './text-file-writer.js';

export interface LargeScanOptions {
  /** Triangles wanted: exact for round counts, else within a lattice row of it. */
  readonly triangles: number;
  /** JPEG atlases, one material each (default: one per 1.5 million triangles: 2 for 3M, 8 for 12M). */
  readonly atlases?: number;
  /** Side of each square atlas in texels (default 8192). */
  readonly atlasSize?: number;
  /** Write `vn` normals (default true). */
  readonly normals?: boolean;
  readonly seed?: number;
  /** The scanner's noise: largest offset of a point on each axis, in mm (default 0.05). */
  readonly noise?: number;
  /** Base name of the files: `<name>.obj`, `<name>.mtl`, `<name>_atlas_<k>.jpg` (default `bust`). */
  readonly name?: string;
  /** Progress lines, for a person watching (the CLI writes them to stderr). */
  readonly log?: (line: string) => void;
}

export const LARGE_SCAN_DEFAULTS = Object.freeze({
  atlasSize: 8192,
  trianglesPerAtlas: 1_500_000,
  normals: true,
  seed: 1,
  noise: 0.05,
  name: 'bust',
});

export interface LargeScan {
  readonly obj: string;
  readonly mtl: string;
  readonly atlases: readonly string[];
  readonly atlasSize: number;
  readonly triangles: number;
  readonly vertices: number;
  readonly uvs: number;
  readonly normals: boolean;
  readonly units: 'mm';
  readonly up: 'z';
  /** Size of the OBJ in bytes. */
  readonly objBytes: number;
}

export function defaultAtlasCount(triangles: number): number {
  return Math.max(1, Math.round(triangles / LARGE_SCAN_DEFAULTS.trianglesPerAtlas));
}

/** The counts a scan will have, without writing it. */
export function largeScanSize(options: Pick<LargeScanOptions, 'triangles' | 'atlases'>) {
  const lattice = largeScanLattice(options.triangles);
  const atlases = options.atlases ?? defaultAtlasCount(options.triangles);
  return { ...largeScanCounts(lattice, largeScanCharts(lattice, atlases)), atlases };
}

/**
 * Writes the scan into `outDir`: atlases first, then the MTL, then the OBJ, each under a
 * temporary name and renamed when complete, so an OBJ never names files not yet there.
 */
export async function generateLargeScan(outDir: string, options: LargeScanOptions): Promise<LargeScan> {
  const settings = { ...LARGE_SCAN_DEFAULTS, ...withoutUndefined(options) };
  const atlasCount = options.atlases ?? defaultAtlasCount(options.triangles);
  const log = options.log ?? (() => {});
  const lattice = largeScanLattice(options.triangles);
  const charts = largeScanCharts(lattice, atlasCount);
  const counts = largeScanCounts(lattice, charts);
  const atlases = layoutAtlases(charts, atlasCount, settings.atlasSize, settings.seed);
  const root = path.resolve(outDir);
  await mkdir(root, { recursive: true });
  const file = (name: string) => path.join(root, name);
  const textures = atlases.map((_, k) => `${settings.name}_atlas_${k + 1}.jpg`);
  const materials = atlases.map((_, k) => `${settings.name}_material_${k + 1}`);
  log(
    `${counts.triangles.toLocaleString('en')} triangles (${lattice.columns} × ${lattice.rows} lattice), ` +
      `${atlasCount} atlases of ${settings.atlasSize}², into ${root}`,
  );

  for (const [k, atlas] of atlases.entries()) {
    const started = performance.now();
    await writeFileAtomically(file(textures[k]!), await encodeAtlas(atlas, settings.seed));
    log(`atlas ${k + 1}/${atlasCount} baked and encoded in ${seconds(started)}`);
  }
  const header = [
    'Vitrine large-scan generator: synthetic photogrammetry of a marble bust',
    `units mm, up +Z, front -Y; ${counts.triangles} triangles, seed ${settings.seed}`,
  ];
  const mtl = [
    ...header.map((line) => `# ${line}`),
    ...materials.map((material, k) =>
      encodeMtl({ header: [], object: '', mtlFile: '', material, textureFile: textures[k]! }),
    ),
  ].join('\n');
  await writeFileAtomically(file(`${settings.name}.mtl`), mtl);

  const obj = new TextFileWriter(file(`${settings.name}.obj`));
  try {
    writeLargeScanObj(
      obj,
      new SurfaceRows(lattice, { seed: settings.seed, noise: settings.noise }),
      atlases,
      { header, mtlFile: `${settings.name}.mtl`, object: settings.name, materials, normals: settings.normals },
      progressEveryTenth(log, () => obj.bytes),
    );
    obj.commit();
  } catch (error) {
    obj.abort();
    throw error;
  }
  log(`${path.basename(obj.target)}: ${(obj.bytes / 1e6).toFixed(0)} MB`);
  return {
    obj: obj.target,
    mtl: file(`${settings.name}.mtl`),
    atlases: textures.map(file),
    atlasSize: settings.atlasSize,
    ...counts,
    normals: settings.normals,
    units: 'mm',
    up: 'z',
    objBytes: obj.bytes,
  };
}

/** Seconds between progress lines of a pass: quiet for small scans, alive for large ones. */
const PROGRESS_INTERVAL_MS = 2000;

/** A line when a pass ends, and at each tenth of it when the last line is a while ago. */
function progressEveryTenth(log: (line: string) => void, bytes: () => number): PassProgress {
  let pass = '';
  let started = 0;
  let lastLine = 0;
  let tenth = 0;
  return (name, done, total) => {
    if (name !== pass) {
      pass = name;
      started = performance.now();
      lastLine = started;
      tenth = 0;
    }
    const reached = Math.floor((done / total) * 10);
    if (reached <= tenth) return;
    tenth = reached;
    if (done < total && performance.now() - lastLine < PROGRESS_INTERVAL_MS) return;
    lastLine = performance.now();
    log(`${name} ${reached * 10} % (${seconds(started)}, ${(bytes() / 1e6).toFixed(0)} MB written)`);
  };
}

async function writeFileAtomically(target: string, data: string | Uint8Array): Promise<void> {
  const temporary = `${target}.${process.pid}.tmp`;
  try {
    await writeFile(temporary, data);
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

function seconds(since: number): string {
  return `${((performance.now() - since) / 1000).toFixed(1)} s`;
}

function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as Partial<T>;
}

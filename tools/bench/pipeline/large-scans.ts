// The large benchmark's inputs: generated photogrammetry exports (tools/samples/large-scan.ts)
// kept in .cache/bench/large/ and reused while present, each with the plain GLB our reader
// makes of it for the `mobile`-alone run, also kept.
import { existsSync } from 'node:fs';
import { readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { generateLargeScan, largeScanSize } from '../../samples/large-scan.js';
import { runMeasured } from './measure-process.js';
import { BENCH_DIR, ROOT } from './sources.js';

export const LARGE_DIR = path.join(BENCH_DIR, 'large');

/** The hints a curator gives `vitrine ingest` for these scans: the generator writes millimetres, Z up. */
export const LARGE_SCAN_HINTS = ['--units', 'mm', '--up', 'z'] as const;

/** SSIM is scored on renders of at most this many triangles and this texture size (see largeRenderSource). */
const RENDER_TRIANGLES = 1_000_000;
const RENDER_ATLAS_SIZE = 2048;

export interface LargeScanSource {
  /** Folder and artefact name, e.g. `bust-3m-2x8192`. */
  readonly name: string;
  readonly triangles: number;
  readonly atlases: number;
  readonly atlasSize: number;
  readonly obj: string;
}

export function largeScanSource(triangles: number, atlasSize: number, atlases?: number): LargeScanSource {
  const size = largeScanSize({ triangles, atlases });
  const name = `bust-${compact(triangles)}-${size.atlases}x${atlasSize}`;
  return {
    name,
    triangles: size.triangles,
    atlases: size.atlases,
    atlasSize,
    obj: path.join(LARGE_DIR, name, 'bust.obj'),
  };
}

/**
 * What the SSIM reference is rendered from: the scan itself when Chromium's software
 * renderer can take it, else the same generated bust at 1M triangles with 2048² atlases.
 * The generator's surface and colour are functions of the surface point, so the coarser
 * scan is the same object; at a 512² render a pixel is about 0.7 mm, far above what the
 * extra triangles and texels add. (Hausdorff is always measured against the scan itself.)
 */
export function largeRenderSource(scan: LargeScanSource): LargeScanSource {
  if (scan.triangles <= RENDER_TRIANGLES && scan.atlasSize <= RENDER_ATLAS_SIZE) return scan;
  return largeScanSource(
    Math.min(scan.triangles, RENDER_TRIANGLES),
    Math.min(scan.atlasSize, RENDER_ATLAS_SIZE),
    scan.atlases,
  );
}

/** Generates the scan unless its OBJ is there (written last, so its presence means a complete scan). */
export async function ensureLargeScan(scan: LargeScanSource, log: (line: string) => void): Promise<void> {
  if (existsSync(scan.obj)) return;
  log(`${scan.name}: generating (${scan.triangles.toLocaleString('en')} triangles, ${scan.atlases} atlases)`);
  await generateLargeScan(path.dirname(scan.obj), {
    triangles: scan.triangles,
    atlases: scan.atlases,
    atlasSize: scan.atlasSize,
    log: (line) => log(`${scan.name}: ${line}`),
  });
}

export type PreparedGlb =
  | {
      readonly ok: true;
      readonly file: string;
      readonly bytes: number;
      readonly triangles: number;
      /** Measured when the GLB was made; a reused GLB keeps its first measurement. */
      readonly wallMs: number;
      readonly peakRssBytes: number | undefined;
      readonly reused: boolean;
    }
  | { readonly ok: false; readonly reason: string; readonly wallMs: number; readonly peakRssBytes: number | undefined };

/**
 * The plain GLB our reader makes of the scan (prepare-input.ts with ingest's hints), in a
 * process of its own so that a reader that runs out of memory fails alone. Kept beside the
 * scan with a note of how long it took, and reused while newer than the OBJ.
 */
export async function preparedGlb(scan: LargeScanSource): Promise<PreparedGlb> {
  const file = path.join(LARGE_DIR, `${scan.name}.input.glb`);
  const noteFile = `${file}.json`;
  const note = await readNote(noteFile);
  if (note && existsSync(file) && (await stat(file)).mtimeMs >= (await stat(scan.obj)).mtimeMs) {
    return { ...note, ok: true, file, reused: true };
  }
  const run = await runMeasured(
    process.execPath,
    [
      '--import',
      'tsx',
      path.join(ROOT, 'tools/bench/pipeline/prepare-input-cli.ts'),
      scan.obj,
      file,
      ...LARGE_SCAN_HINTS,
    ],
    ROOT,
  );
  if (run.exitCode !== 0) {
    const detail = (run.stderr || run.stdout).trim().split('\n').slice(-3).join(' | ');
    return { ok: false, reason: `exit ${run.exitCode}: ${detail}`, wallMs: run.wallMs, peakRssBytes: run.peakRssBytes };
  }
  const prepared = JSON.parse(run.stdout.trim().split('\n').pop()!) as { bytes: number; triangles: number };
  const measured = {
    bytes: prepared.bytes,
    triangles: prepared.triangles,
    wallMs: run.wallMs,
    peakRssBytes: run.peakRssBytes,
  };
  await writeFile(noteFile, `${JSON.stringify(measured, null, 2)}\n`);
  return { ...measured, ok: true, file, reused: false };
}

async function readNote(file: string) {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as {
      bytes: number;
      triangles: number;
      wallMs: number;
      peakRssBytes: number | undefined;
    };
  } catch {
    return undefined;
  }
}

/** 3000000 → "3m", 200000 → "200k", 1234567 → "1234567": short folder names that stay unique. */
function compact(triangles: number): string {
  if (triangles % 1_000_000 === 0) return `${triangles / 1_000_000}m`;
  if (triangles % 1_000 === 0) return `${triangles / 1_000}k`;
  return String(triangles);
}

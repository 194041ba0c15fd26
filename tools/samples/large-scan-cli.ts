// Writes a large synthetic photogrammetry scan (see large-scan.ts); progress on stderr,
// the files written on stdout.
//
//   npx tsx tools/samples/large-scan-cli.ts <outDir> --triangles 3000000 [--atlases 2] [--atlas-size 8192]
//                                           [--no-normals] [--seed 1] [--noise 0.05] [--name bust]
import { parseArgs } from 'node:util';
import { defaultAtlasCount, generateLargeScan, LARGE_SCAN_DEFAULTS } from './large-scan.js';

const USAGE = `usage: npx tsx tools/samples/large-scan-cli.ts <outDir> --triangles <n> [options]
  --triangles <n>     triangles, e.g. 3000000, 12000000, 30000000 (exact for round counts)
  --atlases <n>       JPEG atlases, one material each (default: one per ${LARGE_SCAN_DEFAULTS.trianglesPerAtlas.toLocaleString('en')} triangles)
  --atlas-size <n>    side of each atlas in texels (default ${LARGE_SCAN_DEFAULTS.atlasSize})
  --no-normals        leave out the vn normals
  --seed <n>          seed of every random choice (default ${LARGE_SCAN_DEFAULTS.seed})
  --noise <mm>        scanner noise, largest offset per axis in mm (default ${LARGE_SCAN_DEFAULTS.noise})
  --name <name>       base name of the files (default ${LARGE_SCAN_DEFAULTS.name})`;

class UsageError extends Error {}

try {
  const { values, positionals } = parseArgs({
    options: {
      triangles: { type: 'string' },
      atlases: { type: 'string' },
      'atlas-size': { type: 'string' },
      normals: { type: 'boolean', default: true },
      seed: { type: 'string' },
      noise: { type: 'string' },
      name: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
    allowPositionals: true,
    allowNegative: true,
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const [outDir] = positionals;
  if (!outDir || values.triangles === undefined) throw new UsageError('name an output folder and --triangles');
  const triangles = integer(values.triangles, 'triangles', 200);
  const started = performance.now();
  const scan = await generateLargeScan(outDir, {
    triangles,
    atlases: values.atlases === undefined ? defaultAtlasCount(triangles) : integer(values.atlases, 'atlases', 1),
    atlasSize: values['atlas-size'] === undefined ? undefined : integer(values['atlas-size'], 'atlas-size', 64),
    normals: values.normals,
    seed: values.seed === undefined ? undefined : integer(values.seed, 'seed', 0),
    noise: values.noise === undefined ? undefined : nonNegative(values.noise, 'noise'),
    name: values.name,
    log: (line) => process.stderr.write(`large-scan: ${line}\n`),
  });
  console.log(
    `${scan.obj}  ${scan.triangles.toLocaleString('en')} triangles, ${scan.vertices.toLocaleString('en')} positions, ` +
      `${scan.uvs.toLocaleString('en')} UVs, ${(scan.objBytes / 1e6).toFixed(0)} MB (mm, z up)`,
  );
  console.log(`${scan.mtl}  ${scan.atlases.length} materials`);
  for (const atlas of scan.atlases) console.log(`${atlas}  ${scan.atlasSize}² JPEG`);
  console.log(`Generated in ${((performance.now() - started) / 1000).toFixed(1)} s`);
} catch (error) {
  // parseArgs throws TypeErrors with a code for unknown or malformed options: those are usage errors too.
  const usage = error instanceof UsageError || (error instanceof TypeError && 'code' in error);
  console.error(error instanceof Error ? error.message : String(error));
  if (usage) console.error(USAGE);
  process.exitCode = usage ? 2 : 1;
}

function integer(text: string, name: string, min: number): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < min) {
    throw new UsageError(`--${name} must be an integer ≥ ${min}, not "${text}"`);
  }
  return value;
}

function nonNegative(text: string, name: string): number {
  const value = Number(text);
  if (!Number.isFinite(value) || value < 0) throw new UsageError(`--${name} must be a number ≥ 0, not "${text}"`);
  return value;
}

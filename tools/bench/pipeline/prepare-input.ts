import { writeFile } from 'node:fs/promises';
import { countTriangles, getIO, normalize, readScan, type NormalizeOptions } from '@vitrine/pipeline';

/** Compression extensions a decoded document may still declare; the shared input has none. */
const COMPRESSION_EXTENSIONS = new Set([
  'KHR_draco_mesh_compression',
  'EXT_meshopt_compression',
  'KHR_mesh_quantization',
]);

export interface PreparedInput {
  readonly file: string;
  readonly bytes: number;
  readonly triangles: number;
  readonly readWarnings: readonly string[];
}

/**
 * Converts a scan once into the plain GLB that every tool is given, so that all three start
 * from the same bytes whatever the source format (neither peer reads OBJ's MTL textures or
 * PLY at all). Our reader, then `normalize` with no hints — what `vitrine ingest` does before
 * deriving — so that our own step sees exactly what ingest would hand it. Draco and meshopt
 * inputs are decoded and written uncompressed: the peers then are not also timed decoding.
 * `hints` are ingest's --units and --up, for scans that need them (the large benchmark's).
 */
export async function prepareInput(
  sourceFile: string,
  outFile: string,
  hints: NormalizeOptions = {},
): Promise<PreparedInput> {
  const scan = await readScan(sourceFile);
  await normalize(scan.document, hints);
  for (const extension of scan.document.getRoot().listExtensionsUsed()) {
    if (COMPRESSION_EXTENSIONS.has(extension.extensionName)) extension.dispose();
  }
  const bytes = await (await getIO()).writeBinary(scan.document);
  await writeFile(outFile, bytes);
  return {
    file: outFile,
    bytes: bytes.byteLength,
    triangles: countTriangles(scan.document),
    readWarnings: scan.warnings,
  };
}

import path from 'node:path';
import { OURS_CLI_BUNDLE } from './compile-ours.js';
import { ROOT } from './sources.js';

export type ToolName = 'ours' | 'gltf-transform' | 'gltfpack';

export interface ToolCommand {
  readonly command: string;
  readonly args: readonly string[];
}

/** A simplification ratio this close to 1 means "keep every triangle": the tool is told not to simplify. */
const KEEP_ALL = 0.999;

const BIN = (name: string) => path.join(ROOT, 'node_modules/.bin', name);

/**
 * Ours: the pipeline's public `deriveProfile` with the mobile profile, in its own process,
 * run from the compiled bundle (`compile-ours.ts`) as a published package would be.
 */
export function oursCommand(input: string, output: string): ToolCommand {
  return { command: process.execPath, args: [OURS_CLI_BUNDLE, input, output] };
}

/**
 * gltf-transform 4.5's `optimize` with the mobile profile's settings: meshopt geometry,
 * WebP textures at most 2048², simplified to `ratio` of the triangles. `--simplify-error 1`
 * lifts its default error cap (0.01 % of the extent), which would otherwise stop it far
 * short of the ratio; our own step simplifies with the same uncapped error.
 */
export function gltfTransformCommand(input: string, output: string, ratio: number): ToolCommand {
  const simplify =
    ratio >= KEEP_ALL ? ['--simplify', 'false'] : ['--simplify-ratio', ratio.toFixed(6), '--simplify-error', '1'];
  return {
    command: BIN('gltf-transform'),
    args: [
      'optimize',
      input,
      output,
      '--compress',
      'meshopt',
      '--texture-compress',
      'webp',
      '--texture-size',
      '2048',
      ...simplify,
    ],
  };
}

/**
 * gltfpack (the npm wasm build) with `-cc` (meshopt, higher compression) and `-si` at the
 * same ratio. `-se 1` lifts its default 1 % error cap, as for gltf-transform. Textures are
 * copied as they are: the wasm build cannot encode KTX2 (`-tc` fails), and leaving them
 * alone is what `-cc -si` does.
 */
export function gltfpackCommand(input: string, output: string, ratio: number): ToolCommand {
  const simplify = ratio >= KEEP_ALL ? [] : ['-si', ratio.toFixed(6), '-se', '1'];
  return { command: BIN('gltfpack'), args: ['-i', input, '-o', output, '-cc', ...simplify] };
}

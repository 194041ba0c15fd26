// Our side of the benchmark, as its own process so that its wall time and peak memory are
// measured the same way as the peers' command lines: reads one GLB, derives the `mobile`
// profile through the pipeline's public API, writes the result.
//
//   node --import tsx tools/bench/pipeline/ours-cli.ts <input.glb> <output.glb>
// (the benchmark runs it compiled: see compile-ours.ts)
import { writeFile } from 'node:fs/promises';
import { DEFAULT_PROFILES } from '@vitrine/core';
import { deriveProfile, getIO } from '@vitrine/pipeline';

const [input, output] = process.argv.slice(2);
if (!input || !output) {
  console.error('usage: ours-cli.ts <input.glb> <output.glb>');
  process.exit(2);
}
const started = performance.now();
// The input is the benchmark's own plain GLB, already read and normalized by our reader:
// read it back as the peers do, with no input validation that they would not also do.
const document = await (await getIO()).read(input);
const read = performance.now();
const derived = await deriveProfile(document, DEFAULT_PROFILES.mobile!);
await writeFile(output, derived.bytes);
const done = performance.now();
// One JSON line on stdout for the benchmark: where the time inside the process went.
console.log(
  JSON.stringify({
    triangles: derived.derivative.triangles,
    bytes: derived.derivative.bytes,
    readMs: read - started,
    deriveMs: done - read,
  }),
);

// prepareInput in a process of its own, for the large benchmark: our reader on a scan of
// many millions of triangles may need more memory than the benchmark can spare, and when it
// fails (or is killed) the benchmark reports it instead of going down with it. Prints one
// JSON line: what prepareInput returns.
//
//   node --import tsx tools/bench/pipeline/prepare-input-cli.ts <scan> <out.glb> [--units mm] [--up z]
import { parseArgs } from 'node:util';
import type { LengthUnit } from '@vitrine/core';
import { prepareInput } from './prepare-input.js';

const { values, positionals } = parseArgs({
  options: { units: { type: 'string' }, up: { type: 'string' } },
  allowPositionals: true,
});
const [scan, output] = positionals;
if (!scan || !output || (values.up !== undefined && values.up !== 'y' && values.up !== 'z')) {
  console.error('usage: prepare-input-cli.ts <scan> <out.glb> [--units mm|cm|m|in] [--up y|z]');
  process.exit(2);
}
const prepared = await prepareInput(scan, output, {
  ...(values.units ? { size: { kind: 'units', unit: values.units as LengthUnit } } : {}),
  ...(values.up ? { up: values.up as 'y' | 'z' } : {}),
});
console.log(JSON.stringify(prepared));

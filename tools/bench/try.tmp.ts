import { prepareInput } from './pipeline/prepare-input.js';
const r = await prepareInput(process.argv[2]!, process.argv[3]!);
console.log(r);

#!/usr/bin/env node
// The packages are TypeScript sources; tsx compiles them as they load, so the command
// needs no build step and never runs stale output.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/main.ts');
process.exitCode = await main(process.argv.slice(2));

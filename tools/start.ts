// `npm start`: build the sample collection when missing or stale, then serve the demo app.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { prepareSampleCollection } from './collection/prepare-sample-collection.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

await prepareSampleCollection({ log: (line) => console.log(line) });
const vite = spawn(
  process.execPath,
  [path.join(ROOT, 'node_modules/vite/bin/vite.js'), '--port', '5173', '--strictPort'],
  {
    cwd: ROOT,
    stdio: 'inherit',
  },
);
const stop = () => vite.kill('SIGTERM');
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
vite.on('exit', (code) => process.exit(code ?? 0));

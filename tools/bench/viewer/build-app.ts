import path from 'node:path';
import { build } from 'vite';
import { ROOT } from '../pipeline/sources.js';
import { chunkComposition, type ChunkComposition } from './chunk-composition.js';
import { VIEWER_BENCH_DIR } from './sources.js';

export const APP_DIR = path.join(VIEWER_BENCH_DIR, 'app');

/**
 * Builds the demo app for production, as `npm run build` does, with two differences that
 * change nothing in its code: the sample collection is not copied in (`publicDir: false`)
 * and the collection URL points at the benchmark's own collection, served beside the app
 * (`VITE_COLLECTION_URL`, the setting a museum uses to host its collection elsewhere).
 */
export async function buildApp(collectionUrl: string): Promise<ChunkComposition[]> {
  const chunks: ChunkComposition[] = [];
  await build({
    root: ROOT,
    logLevel: 'warn',
    publicDir: false,
    cacheDir: path.join(VIEWER_BENCH_DIR, 'vite-cache'),
    define: { 'import.meta.env.VITE_COLLECTION_URL': JSON.stringify(collectionUrl) },
    plugins: [chunkComposition(chunks)],
    build: { outDir: APP_DIR, emptyOutDir: true, reportCompressedSize: false },
  });
  return chunks;
}

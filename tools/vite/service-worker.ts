import { createHash } from 'node:crypto';
import path from 'node:path';
import { build, type Plugin, type ResolvedConfig, type Rolldown } from 'vite';

export interface ServiceWorkerOptions {
  /** The worker's TypeScript source, relative to the project root. */
  source: string;
  /** Its name in the build, beside index.html: the site server sends `sw.js` as no-cache. */
  fileName?: string;
}

/** What the worker precaches: the build's files relative to it, and their fingerprint. */
export interface PrecacheManifest {
  version: string;
  files: string[];
}

/**
 * Emits the exhibit's service worker beside index.html in a production build, with the
 * list of every file the build emitted injected as `__VITRINE_PRECACHE__` (the idea of
 * Workbox's injectManifest, without Workbox). The worker is bundled by a build of its
 * own as one classic script: module service workers are not in every browser a kiosk
 * runs, and a worker must not share chunks with the page.
 *
 * Files copied from public/ are not listed: there lives the sample collection, which the
 * page precaches itself (only the derivatives its device shows). Development serves no
 * worker; the page registers one only in production builds.
 */
export function serviceWorker({ source, fileName = 'sw.js' }: ServiceWorkerOptions): Plugin {
  let config: ResolvedConfig;
  return {
    name: 'vitrine:service-worker',
    apply: 'build',
    configResolved(resolved) {
      config = resolved;
    },
    generateBundle: {
      // After every other plugin's generateBundle: index.html and the XR profiles are emitted there.
      order: 'post',
      async handler(_options, bundle) {
        const manifest = precacheManifest(
          Object.values(bundle).map((file) => ({
            fileName: file.fileName,
            content: file.type === 'chunk' ? file.code : file.source,
          })),
          fileName,
        );
        this.emitFile({ type: 'asset', fileName, source: await bundleWorker(config, source, manifest) });
      },
    },
  };
}

/**
 * The files to precache, sorted, and a version that changes when any of them does.
 * Source maps and Vite's own manifests (`.vite/`) are left out, and so is the worker.
 */
export function precacheManifest(
  files: readonly { fileName: string; content: string | Uint8Array }[],
  workerFileName: string,
): PrecacheManifest {
  const kept = files
    .filter(({ fileName }) => fileName !== workerFileName && !fileName.endsWith('.map') && !fileName.startsWith('.'))
    .sort((a, b) => (a.fileName < b.fileName ? -1 : a.fileName > b.fileName ? 1 : 0));
  const hash = createHash('sha256');
  for (const { fileName, content } of kept) hash.update(fileName).update('\0').update(content).update('\0');
  return { version: hash.digest('hex').slice(0, 16), files: kept.map(({ fileName }) => fileName) };
}

async function bundleWorker(config: ResolvedConfig, source: string, manifest: PrecacheManifest): Promise<string> {
  const output = await build({
    configFile: false,
    root: config.root,
    mode: config.mode,
    // Quiet unless something is wrong: the app build's report is the one to read.
    logLevel: config.logLevel === 'silent' ? 'silent' : 'warn',
    publicDir: false,
    define: { __VITRINE_PRECACHE__: JSON.stringify(manifest) },
    build: {
      write: false,
      target: config.build.target,
      minify: config.build.minify !== false,
      sourcemap: false,
      reportCompressedSize: false,
      rolldownOptions: {
        input: path.resolve(config.root, source),
        output: { format: 'iife', entryFileNames: 'sw.js' },
      },
    },
  });
  const outputs = (Array.isArray(output) ? output : [output]) as Rolldown.RolldownOutput[];
  const entry = outputs.flatMap(({ output: files }) => files).find((file) => file.type === 'chunk' && file.isEntry);
  if (!entry || entry.type !== 'chunk') throw new Error(`vitrine:service-worker: ${source} produced no script`);
  return entry.code;
}

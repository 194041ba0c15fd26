import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Plugin } from 'vite';

/**
 * The WebXR input profiles the viewer's XR chunk loads its controller and hand models
 * from. @react-three/xr fetches them from jsDelivr by default; the viewer points it at
 * `xr-profiles/` beside its own code (`new URL('./xr-profiles/', import.meta.url)`), and
 * this plugin puts them there: served in development, emitted beside the chunks in a build.
 *
 * Only what the reference headsets and phones use: Quest Touch Plus controllers (Quest 3),
 * hands, and the generic trigger every unknown controller falls back to. Another headset's
 * controllers are drawn as the generic ones.
 */
const PROFILES = ['meta-quest-touch-plus', 'generic-hand', 'generic-trigger'] as const;
const FILES = [
  'profilesList.json',
  ...PROFILES.flatMap((profile) =>
    ['profile.json', 'left.glb', 'right.glb', ...(profile === 'generic-trigger' ? ['none.glb'] : [])].map(
      (file) => `${profile}/${file}`,
    ),
  ),
];

const require = createRequire(import.meta.url);
const SOURCE = path.join(path.dirname(require.resolve('@webxr-input-profiles/assets/package.json')), 'dist/profiles');

/** `chunksDir`: where the build puts the viewer's chunks (the profiles go in `xr-profiles/` there). */
export function xrInputProfiles({ chunksDir }: { chunksDir: string }): Plugin {
  return {
    name: 'vitrine:xr-input-profiles',
    configureServer(server) {
      server.middlewares.use((request, response, next) => {
        const match = /\/xr-profiles\/([^?#]+)/.exec(request.url ?? '');
        const file = match?.[1];
        if (!file || !FILES.includes(file)) return next();
        readFile(path.join(SOURCE, file)).then((bytes) => {
          response.setHeader('Content-Type', file.endsWith('.json') ? 'application/json' : 'model/gltf-binary');
          response.end(bytes);
        }, next);
      });
    },
    async generateBundle() {
      for (const file of FILES) {
        this.emitFile({
          type: 'asset',
          fileName: path.posix.join(chunksDir, 'xr-profiles', file),
          source: await readFile(path.join(SOURCE, file)),
        });
      }
    },
  };
}

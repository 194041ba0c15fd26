import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { threeCatalogue } from './tools/vite/three-catalogue.js';
import { xrInputProfiles } from './tools/vite/xr-input-profiles.js';

const ROOT = fileURLToPath(new URL('.', import.meta.url));

/**
 * `npm run build:element`: <vitrine-viewer> as one ES module a museum's CMS loads with one
 * script tag, `dist/element/vitrine-viewer.js`, React, three and the viewer inside. The
 * Draco and KTX2 (Basis) decoders are emitted beside it in `assets/` and fetched, from
 * there, only when a file needs them; meshopt's decoder is small and embedded.
 */
export default defineConfig({
  root: ROOT,
  // Decoders resolve against the script's own URL, wherever the museum puts the folder.
  base: './',
  publicDir: false,
  plugins: [react(), threeCatalogue(), threeDecodersAsFiles(), xrInputProfiles({ chunksDir: 'assets' })],
  // Library mode leaves process.env.NODE_ENV for a consumer's bundler to replace; this
  // bundle goes to browsers as it is, where React would find no `process`.
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  // Production JSX to match that React, also when built where NODE_ENV says otherwise
  // (the browser tests build it inside Vitest, which sets NODE_ENV=test).
  oxc: { jsx: { runtime: 'automatic', development: false } },
  build: {
    outDir: 'dist/element',
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 2000,
    lib: {
      entry: fileURLToPath(new URL('./packages/viewer/src/element/vitrine-viewer.ts', import.meta.url)),
      formats: ['es'],
      fileName: () => 'vitrine-viewer.js',
    },
    rolldownOptions: {
      output: {
        // Library mode keeps whitespace for a consumer's bundler to tree-shake; this file
        // goes to browsers as it is, so it is minified fully.
        minify: true,
        // Hashed names: a museum that updates the script never pairs it with stale decoders.
        assetFileNames: 'assets/[name]-[hash][extname]',
        chunkFileNames: 'assets/[name]-[hash].js',
      },
    },
  },
});

/**
 * In library mode Vite inlines every asset as base64, which would put ~1.3 MB of decoders
 * that most artefacts never need into the one script. three's loaders name their decoders
 * as `new URL('../libs/…', import.meta.url)`; the `?no-inline` query makes Vite emit those
 * as files instead, resolved against the script's own URL at run time.
 */
function threeDecodersAsFiles(): Plugin {
  const decoderUrl = /new URL\(\s*(['"])(\.\.\/libs\/[^'"?]+)\1\s*,\s*import\.meta\.url\s*\)/g;
  return {
    name: 'vitrine:three-decoders-as-files',
    enforce: 'pre',
    transform: {
      filter: { id: /[\\/]three[\\/]examples[\\/]jsm[\\/]loaders[\\/]/ },
      handler(code) {
        const marked = code.replace(decoderUrl, 'new URL($1$2?no-inline$1, import.meta.url)');
        return marked === code ? null : { code: marked, map: null };
      },
    },
  };
}

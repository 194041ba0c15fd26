import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { serviceWorker } from './tools/vite/service-worker.js';
import { threeCatalogue } from './tools/vite/three-catalogue.js';
import { xrInputProfiles } from './tools/vite/xr-input-profiles.js';

// The collection is plain static files: `npm start` generates the sample collection into
// public/collection, which Vite serves in development and copies into the build.
export default defineConfig({
  base: './',
  plugins: [
    react(),
    threeCatalogue(),
    xrInputProfiles({ chunksDir: 'assets' }),
    serviceWorker({ source: 'src/offline/sw/sw.ts' }),
  ],
  server: { port: 5173, strictPort: false, host: 'localhost' },
  preview: { port: 4173, host: 'localhost' },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 1500,
  },
});

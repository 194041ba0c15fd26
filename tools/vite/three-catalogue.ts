import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

const CATALOGUE = fileURLToPath(new URL('../../packages/viewer/src/stage/three-catalogue.ts', import.meta.url));
/** The module of @react-three/fiber that holds `<Canvas>` and its `extend(THREE)`. */
const FIBER_CANVAS = /[\\/]@react-three[\\/]fiber[\\/]dist[\\/]react-three-fiber\.esm\.js$/;

/**
 * Gives R3F's `<Canvas>` the viewer's own catalogue of three classes in place of the whole
 * `three` namespace, so a build keeps only the parts of three the viewer uses (see
 * packages/viewer/src/stage/three-catalogue.ts). Only that one import is redirected:
 * everything else, R3F's other modules included, imports three itself. In development
 * the same happens in Vite's dependency pre-bundling, so a class missing from the
 * catalogue fails there too, not first in a production build.
 */
export function threeCatalogue(): Plugin {
  const redirect = (source: string, importer: string | undefined) =>
    source === 'three' && importer !== undefined && FIBER_CANVAS.test(importer) ? CATALOGUE : undefined;
  return {
    name: 'vitrine:three-catalogue',
    enforce: 'pre',
    resolveId: redirect,
    config: () => ({
      optimizeDeps: { rolldownOptions: { plugins: [{ name: 'vitrine:three-catalogue', resolveId: redirect }] } },
    }),
  };
}

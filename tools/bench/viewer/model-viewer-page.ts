import { copyFile, cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { ROOT } from '../pipeline/sources.js';
import { VIEWER_BENCH_DIR } from './sources.js';

export const MODEL_VIEWER_DIR = path.join(VIEWER_BENCH_DIR, 'model-viewer');

const require = createRequire(import.meta.url);
// meshoptimizer is the pipeline's dependency: resolve it as the pipeline does.
const requireFromPipeline = createRequire(path.join(ROOT, 'packages/pipeline/package.json'));
const THREE_LIBS = path.join(ROOT, 'node_modules/three/examples/jsm/libs');

export interface ModelViewerPageOptions {
  /** URL of the original scan, as the page will request it. */
  readonly modelUrl: string;
  /** The same stage colour as ours, so that "artefact pixels" means the same on both pages. */
  readonly background: string;
  readonly alt: string;
  /** Our viewer's size on the artefact page at the bench's viewport, in CSS pixels: theirs gets the same. */
  readonly size: { readonly width: number; readonly height: number };
}

/**
 * The peer's folder: model-viewer's bundled build (three included) from node_modules and
 * every decoder it may fetch, self-hosted. model-viewer reads `self.ModelViewerElement`
 * when its first element is made, so the decoder locations are set in a classic script
 * before the module loads; by default they point at gstatic and jsDelivr. Its meshopt
 * decoder must be a classic script defining `MeshoptDecoder` (meshoptimizer's .cjs is).
 */
export async function prepareModelViewerFolder(): Promise<{ version: string }> {
  const packageJson = require.resolve('@google/model-viewer/package.json');
  const { version } = JSON.parse(await readFile(packageJson, 'utf8')) as { version: string };
  const meshopt = path.join(path.dirname(requireFromPipeline.resolve('meshoptimizer')), 'meshopt_decoder.cjs');
  await rm(MODEL_VIEWER_DIR, { recursive: true, force: true });
  await mkdir(MODEL_VIEWER_DIR, { recursive: true });
  await copyFile(
    path.join(path.dirname(packageJson), 'dist/model-viewer.min.js'),
    path.join(MODEL_VIEWER_DIR, 'model-viewer.min.js'),
  );
  await copyFile(meshopt, path.join(MODEL_VIEWER_DIR, 'meshopt_decoder.js'));
  await cp(path.join(THREE_LIBS, 'draco/gltf'), path.join(MODEL_VIEWER_DIR, 'draco'), { recursive: true });
  await cp(path.join(THREE_LIBS, 'basis'), path.join(MODEL_VIEWER_DIR, 'basis'), { recursive: true });
  return { version };
}

/** Writes `<name>.html`, one page a source, and returns its file name. */
export async function writeModelViewerPage(name: string, options: ModelViewerPageOptions): Promise<string> {
  const file = `${name}.html`;
  await writeFile(path.join(MODEL_VIEWER_DIR, file), modelViewerHtml(options));
  return file;
}

/**
 * The page gives the viewer the size ours has on the artefact page (measured in the same
 * viewport, beside the metadata column), so both draw as many pixels. `loading="eager"` starts the
 * download at once instead of when the element scrolls into view (model-viewer's best
 * case); camera controls on, as ours has; no interaction prompt over the stage.
 */
function modelViewerHtml({ modelUrl, background, alt, size }: ModelViewerPageOptions): string {
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>model-viewer</title>
    <link rel="icon" href="data:," />
    <script>
      self.ModelViewerElement = {
        dracoDecoderLocation: new URL('./draco/', location.href).href,
        ktx2TranscoderLocation: new URL('./basis/', location.href).href,
        meshoptDecoderLocation: new URL('./meshopt_decoder.js', location.href).href,
      };
    </script>
    <script type="module" src="./model-viewer.min.js"></script>
    <style>
      body { margin: 0; font-family: system-ui, sans-serif; }
      main { padding: 1rem; max-width: 72rem; margin: 0 auto; }
      model-viewer { display: block; width: ${size.width}px; height: ${size.height}px; background-color: ${background}; }
    </style>
  </head>
  <body>
    <main>
      <model-viewer src="${modelUrl}" alt="${alt}" camera-controls environment-image="neutral"
        interaction-prompt="none" loading="eager"></model-viewer>
    </main>
  </body>
</html>
`;
}

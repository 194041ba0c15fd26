import type { WebGLRenderer } from 'three';
import type { DRACOLoader } from 'three/examples/jsm/loaders/DRACOLoader.js';
import { GLTFLoader } from 'three/examples/jsm/loaders/GLTFLoader.js';
import type { KTX2Loader } from 'three/examples/jsm/loaders/KTX2Loader.js';
import { MeshoptDecoder } from 'three/examples/jsm/libs/meshopt_decoder.module.js';

// One of each for the page: both keep a pool of Web Workers with their wasm compiled, and
// three warns when several KTX2Loaders are alive. Viewers come and go; the workers stay.
let dracoLoader: Promise<DRACOLoader> | undefined;
let ktx2Loader: Promise<KTX2Loader> | undefined;

export interface GltfLoaderNeeds {
  /** The file has Draco-compressed meshes (KHR_draco_mesh_compression). */
  readonly draco?: boolean;
  /**
   * The renderer that will draw a file with KTX2 (Basis) textures: the transcoder must
   * know which compressed formats this GPU takes. Support is detected with the first
   * renderer given; every renderer on one device answers the same.
   */
  readonly ktx2Renderer?: WebGLRenderer;
}

/**
 * A GLTFLoader whose decoders all ship with the app: meshopt's wasm is embedded in its
 * module, and three's DRACOLoader and KTX2Loader resolve their decoders (`../libs/draco/`,
 * `../libs/basis/`) beside themselves through `import.meta.url`, which Vite bundles as
 * assets. Nothing is fetched from a CDN.
 *
 * Meshopt, the collection's default compression, is always there. The Draco and KTX2
 * loaders (with zstd, ~30 kB gzip of script before their wasm) are imported only for a file
 * that needs them: the `thumb` and `mobile` derivatives a phone opens first use neither.
 */
export async function createGltfLoader(needs: GltfLoaderNeeds = {}): Promise<GLTFLoader> {
  const loader = new GLTFLoader().setMeshoptDecoder(MeshoptDecoder);
  if (needs.draco) {
    dracoLoader ??= import('three/examples/jsm/loaders/DRACOLoader.js').then((module) => new module.DRACOLoader());
    loader.setDRACOLoader(await dracoLoader);
  }
  if (needs.ktx2Renderer) {
    const renderer = needs.ktx2Renderer;
    ktx2Loader ??= import('three/examples/jsm/loaders/KTX2Loader.js').then((module) =>
      new module.KTX2Loader().detectSupport(renderer),
    );
    loader.setKTX2Loader(await ktx2Loader);
  }
  return loader;
}

import type { WebGLRenderer } from 'three';
import { DRACOLoader } from 'three/examples/jsm/loaders/DRACOLoader.js';
import { GLTFLoader } from 'three/examples/jsm/loaders/GLTFLoader.js';
import { KTX2Loader } from 'three/examples/jsm/loaders/KTX2Loader.js';
import { MeshoptDecoder } from 'three/examples/jsm/libs/meshopt_decoder.module.js';

// One of each for the page: both keep a pool of Web Workers with their wasm compiled, and
// three warns when several KTX2Loaders are alive. Viewers come and go; the workers stay.
let dracoLoader: DRACOLoader | undefined;
let ktx2Loader: KTX2Loader | undefined;

/**
 * A GLTFLoader whose decoders all ship with the app: meshopt's wasm is embedded in its
 * module, and three's DRACOLoader and KTX2Loader resolve their decoders (`../libs/draco/`,
 * `../libs/basis/`) beside themselves through `import.meta.url`, which Vite bundles as
 * assets. Nothing is fetched from a CDN.
 *
 * Pass `renderer` to read KTX2 (Basis) textures: the transcoder needs to know which
 * compressed formats this GPU takes. Support is detected with the first renderer given;
 * every renderer on one device answers the same.
 */
export function createGltfLoader(renderer?: WebGLRenderer): GLTFLoader {
  dracoLoader ??= new DRACOLoader();
  const loader = new GLTFLoader().setMeshoptDecoder(MeshoptDecoder).setDRACOLoader(dracoLoader);
  if (renderer) {
    ktx2Loader ??= new KTX2Loader().detectSupport(renderer);
    loader.setKTX2Loader(ktx2Loader);
  }
  return loader;
}

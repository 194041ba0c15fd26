import { DRACOLoader } from 'three/examples/jsm/loaders/DRACOLoader.js';
import { GLTFLoader } from 'three/examples/jsm/loaders/GLTFLoader.js';
import { MeshoptDecoder } from 'three/examples/jsm/libs/meshopt_decoder.module.js';

let dracoLoader: DRACOLoader | undefined;

/**
 * A GLTFLoader whose decoders all ship with the app: meshopt's wasm is embedded in its
 * module, and three's DRACOLoader resolves its decoder beside itself (bundled by Vite).
 * Nothing is fetched from a CDN.
 */
export function createGltfLoader(): GLTFLoader {
  dracoLoader ??= new DRACOLoader();
  return new GLTFLoader().setMeshoptDecoder(MeshoptDecoder).setDRACOLoader(dracoLoader);
}

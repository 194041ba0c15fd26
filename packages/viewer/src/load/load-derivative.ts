import type { Object3D, WebGLRenderer } from 'three';
import { createGltfLoader } from './create-gltf-loader.js';
import { ArtefactLoadError } from './artefact-load-error.js';
import { fetchDerivative, type FetchDerivativeOptions } from './fetch-derivative.js';

export interface LoadDerivativeOptions extends FetchDerivativeOptions {
  /**
   * The renderer that will draw the artefact, awaited only when the file has KTX2 textures
   * (the transcoder must know the GPU's formats). Without it such a file fails to load.
   */
  renderer?: () => Promise<WebGLRenderer>;
}

/**
 * Downloads and parses one GLB derivative into a three.js scene. A file that is not a
 * valid glTF (truncated, an HTML error page served as 200, garbage) fails with kind
 * 'invalid', so the viewer can say the files are damaged and offer to try again.
 */
export async function loadDerivative(url: string, options: LoadDerivativeOptions = {}): Promise<Object3D> {
  const bytes = await fetchDerivative(url, options);
  options.signal?.throwIfAborted();
  const used = glbExtensionsUsed(bytes);
  const ktx2Renderer = used.includes('KHR_texture_basisu') ? await options.renderer?.() : undefined;
  const loader = await createGltfLoader({ draco: used.includes('KHR_draco_mesh_compression'), ktx2Renderer });
  options.signal?.throwIfAborted();
  try {
    const gltf = await loader.parseAsync(bytes, new URL('./', url).toString());
    return gltf.scene;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ArtefactLoadError('invalid', `${url} could not be read: ${reason}`);
  }
}

const GLB_MAGIC = 0x46546c67; // "glTF"
const JSON_CHUNK = 0x4e4f534a; // "JSON"

/**
 * The extensions a GLB lists in extensionsUsed, read from its JSON chunk before parsing, to
 * know which decoders to load; none for anything that is not a GLB (the parser then says
 * what is wrong with it).
 */
export function glbExtensionsUsed(bytes: ArrayBuffer): string[] {
  if (bytes.byteLength < 20) return [];
  const view = new DataView(bytes);
  if (view.getUint32(0, true) !== GLB_MAGIC || view.getUint32(16, true) !== JSON_CHUNK) return [];
  const length = view.getUint32(12, true);
  if (20 + length > bytes.byteLength) return [];
  try {
    const json: unknown = JSON.parse(new TextDecoder().decode(new Uint8Array(bytes, 20, length)));
    const used = (json as { extensionsUsed?: unknown }).extensionsUsed;
    return Array.isArray(used) ? used.filter((name): name is string => typeof name === 'string') : [];
  } catch {
    return [];
  }
}

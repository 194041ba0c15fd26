import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';

/** The few calls of Basis Universal's KTX2 transcoder (Binomial, as shipped with three.js) we use. */
export interface Ktx2File {
  isValid(): boolean;
  getWidth(): number;
  getHeight(): number;
  startTranscoding(): boolean;
  getImageTranscodedSizeInBytes(level: number, layer: number, face: number, format: number): number;
  transcodeImage(
    target: Uint8Array,
    level: number,
    layer: number,
    face: number,
    format: number,
    flags: number,
    channel0: number,
    channel1: number,
  ): number;
  close(): void;
  delete(): void;
}

interface BasisModule {
  initializeBasis(): void;
  KTX2File: new (data: Uint8Array) => Ktx2File;
}

/** Basis transcoder_texture_format: uncompressed RGBA, 8 bits a channel. */
export const TRANSCODE_RGBA32 = 13;

let modulePromise: Promise<BasisModule> | undefined;

/**
 * Loads the Basis Universal transcoder that three.js ships for its KTX2Loader, so a KTX2
 * texture in a curator's glTF can be turned back into pixels in Node. No npm package
 * offers a KTX2 decoder for Node; this is the reference transcoder, not code of ours.
 * The file is an Emscripten CommonJS module inside three's ESM package, where Node would
 * load it as ESM and find no export; so it is evaluated as the CommonJS it is, with
 * its wasm handed over directly (nothing is fetched).
 */
export function loadBasisTranscoder(): Promise<BasisModule> {
  modulePromise ??= (async () => {
    const require = createRequire(import.meta.url);
    const script = require.resolve('three/examples/jsm/libs/basis/basis_transcoder.js');
    const folder = path.dirname(script);
    const source = await readFile(script, 'utf8');
    const commonJsModule: { exports: unknown } = { exports: {} };
    new Function('module', 'exports', '__filename', '__dirname', 'require', source)(
      commonJsModule,
      commonJsModule.exports,
      script,
      folder,
      require,
    );
    const createModule = commonJsModule.exports as (options: { wasmBinary: Uint8Array }) => Promise<BasisModule>;
    const basis = await createModule({ wasmBinary: await readFile(path.join(folder, 'basis_transcoder.wasm')) });
    basis.initializeBasis();
    return basis;
  })();
  return modulePromise;
}

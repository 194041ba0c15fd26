import * as ktx2Encoder from 'ktx2-encoder';
import type { IBasisEncoder, IBasisModule } from 'ktx2-encoder';

/**
 * Basis Universal encoding of one RGBA image into a KTX2 file that KHR_texture_basisu accepts, for
 * encodeTextures. ktx2-encoder's own `encodeToKTX2` and `ktx2` transform take one option set for
 * every texture and cannot keep mipmaps of data in linear space or renormalize normals, so we
 * drive its bundled Basis encoder (the same wasm) directly.
 */
export interface Ktx2Image {
  /** RGBA, 8 bits a channel, rows top first. */
  pixels: Uint8Array;
  width: number;
  height: number;
}

export interface Ktx2Settings {
  /**
   * 'color': ETC1S (BasisLZ), sRGB. Several times smaller than UASTC; its block endpoints are
   * shared across the image, fine for albedo, not for vectors.
   * 'data': UASTC with Zstandard, linear. Keeps normals and roughness accurate; larger.
   */
  kind: 'color' | 'data';
  /** A normal map: its mipmaps are renormalized so that they stay unit vectors. */
  normalMap?: boolean;
  /** ETC1S quality level, 1–255 (Basis's and toktx's default is 128). */
  etc1sQuality?: number;
}

/** Basis's encoder as the bundled wasm has it; ktx2-encoder's types list only part of it. */
type BasisEncoder = IBasisEncoder & {
  setSRGBOptions(srgb: boolean): void;
  setMipRenormalize(renormalize: boolean): void;
  setETC1SCompressionLevel(level: number): void;
  setStatusOutput?(enabled: boolean): void;
};

/**
 * ktx2-encoder's Node entry, which exports the encoder's module loader. TypeScript resolves the
 * package's browser types (our tsconfig has no "node" condition), so the Node export is checked
 * at run time instead.
 */
interface NodeEntry {
  NodeBasisEncoder: new () => { init(): Promise<IBasisModule> };
}

function nodeEntry(): NodeEntry {
  if (!('NodeBasisEncoder' in ktx2Encoder)) throw new Error('ktx2-encoder was loaded without its Node entry');
  return ktx2Encoder as unknown as NodeEntry;
}

/**
 * Encoder effort, measured on the scans' textures scaled to 1024²: ETC1S level 2 (of 0–6) took 1.7×
 * level 1's time for 0.4 dB PSNR; UASTC level 2 (of 0–4) took 3.7× level 1's for 0.03° of normal
 * error, level 0 added 0.9°. Level 1 is toktx's ETC1S default and ktx2-encoder's UASTC default.
 */
const ETC1S_COMPRESSION_LEVEL = 1;
const UASTC_LEVEL = 1;
/** Raw RGBA source image for setSliceSourceImage. */
const RAW = 0;
/** KHR_DF_PRIMARIES_UNSPECIFIED: what KHR_texture_basisu requires of non-colour data. */
const PRIMARIES_UNSPECIFIED = 0;

let basis: Promise<IBasisModule> | undefined;

export async function encodeKtx2(image: Ktx2Image, settings: Ktx2Settings): Promise<Uint8Array> {
  basis ??= new (nodeEntry().NodeBasisEncoder)().init();
  const module = await basis;
  const encoder = new module.BasisEncoder() as BasisEncoder;
  try {
    encoder.setDebug(false);
    encoder.setStatusOutput?.(false);
    encoder.setCreateKTX2File(true);
    encoder.setUASTC(settings.kind === 'data');
    // One switch for perceptual error, sRGB mipmap filtering and the DFD's transfer function:
    // all sRGB for colour, all linear for data, never a mix.
    encoder.setSRGBOptions(settings.kind === 'color');
    encoder.setMipGen(true);
    if (settings.kind === 'data') {
      encoder.setKTX2UASTCSupercompression(true);
      encoder.setPackUASTCFlags(UASTC_LEVEL);
      encoder.setMipRenormalize(settings.normalMap === true);
    } else {
      encoder.setQualityLevel(settings.etc1sQuality ?? 128);
      encoder.setETC1SCompressionLevel(ETC1S_COMPRESSION_LEVEL);
    }
    if (encoder.setSliceSourceImage(0, image.pixels, image.width, image.height, RAW) === false) {
      throw new Error(`Basis refused a ${image.width}×${image.height} image`);
    }
    // UASTC is 1 byte a texel before Zstandard, plus a third for mipmaps; ETC1S far less.
    let capacity = image.width * image.height * 2 + 65_536;
    for (let attempt = 0; attempt < 2; attempt++, capacity *= 2) {
      const output = new Uint8Array(capacity);
      const length = encoder.encode(output);
      if (length > 0) return withDataPrimaries(output.slice(0, length), settings.kind);
    }
    throw new Error(`Basis could not encode a ${image.width}×${image.height} image`);
  } finally {
    // The encoder lives in the wasm heap; without this each texture leaks it.
    encoder.delete();
  }
}

export interface Ktx2Header {
  width: number;
  height: number;
  levels: number;
  /** 1: BasisLZ (ETC1S); 2: Zstandard; 0: none. */
  supercompressionScheme: number;
  /** 163: ETC1S; 166: UASTC. */
  colorModel: number;
  /** 1: BT.709; 0: unspecified. */
  colorPrimaries: number;
  /** 2: sRGB; 1: linear. */
  transferFunction: number;
}

const MAGIC = [0xab, 0x4b, 0x54, 0x58, 0x20, 0x32, 0x30, 0xbb, 0x0d, 0x0a, 0x1a, 0x0a];

/** The fields of a KTX2 file's header and data format descriptor that glTF cares about. */
export function readKtx2Header(bytes: Uint8Array): Ktx2Header {
  if (!MAGIC.every((byte, i) => bytes[i] === byte)) throw new Error('not a KTX2 file');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The DFD starts with its total size, then the basic block's 8-byte head, then the colour fields.
  const dfd = view.getUint32(48, true) + 4 + 8;
  return {
    width: view.getUint32(20, true),
    height: view.getUint32(24, true),
    levels: view.getUint32(40, true),
    supercompressionScheme: view.getUint32(44, true),
    colorModel: bytes[dfd]!,
    colorPrimaries: bytes[dfd + 1]!,
    transferFunction: bytes[dfd + 2]!,
  };
}

/**
 * Basis writes BT.709 primaries into every DFD; KHR_texture_basisu requires "unspecified" for
 * non-colour data (a normal has no primaries), so the byte is set here.
 */
function withDataPrimaries(ktx2: Uint8Array, kind: Ktx2Settings['kind']): Uint8Array {
  if (kind === 'data') {
    const view = new DataView(ktx2.buffer, ktx2.byteOffset, ktx2.byteLength);
    ktx2[view.getUint32(48, true) + 4 + 8 + 1] = PRIMARIES_UNSPECIFIED;
  }
  return ktx2;
}

import { splitKeyword, textLines } from './text-lines.js';

/** A texture statement of an MTL: the file, and the normal strength from `-bm`. */
export interface MtlTexture {
  file: string;
  scale: number;
}

/**
 * What we take from an MTL material: a scan needs its colour, texture and normal map. Its
 * transparency (d, Tr) is ignored: scans are opaque, and exporters disagree on which way
 * those values point.
 */
export interface MtlMaterial {
  name: string;
  /** Kd, sRGB as written. */
  diffuseColor?: [number, number, number];
  diffuseMap?: MtlTexture;
  /** From `norm`, or from `bump`/`map_Bump`, which photogrammetry tools use for normal maps. */
  normalMap?: MtlTexture;
}

/** Arguments each texture option takes: [fewest, most]; -o, -s and -t take one to three numbers. */
const TEXTURE_OPTION_ARGUMENTS: Readonly<Record<string, readonly [number, number]>> = {
  '-blendu': [1, 1],
  '-blendv': [1, 1],
  '-bm': [1, 1],
  '-boost': [1, 1],
  '-cc': [1, 1],
  '-clamp': [1, 1],
  '-imfchan': [1, 1],
  '-mm': [2, 2],
  '-o': [1, 3],
  '-s': [1, 3],
  '-t': [1, 3],
  '-texres': [1, 1],
  '-type': [1, 1],
};

const NORMAL_MAP_KEYWORDS = ['norm', 'map_kn', 'map_bump', 'bump'];

/**
 * Reads an MTL file. Hand-written because three's MTLLoader builds three.js materials whose
 * textures load through the browser's image loader, and its option handling knows only
 * -bm, -s and -o, so a file named after `-clamp on` would be read as "on file.jpg".
 */
export function parseMtl(bytes: Uint8Array, name: string): Map<string, MtlMaterial> {
  const materials = new Map<string, MtlMaterial>();
  let current: MtlMaterial | undefined;
  let normalMapKeyword = '';
  for (const line of textLines([bytes], name)) {
    const { keyword: rawKeyword, rest } = splitKeyword(line);
    const keyword = rawKeyword.toLowerCase();
    if (keyword === 'newmtl') {
      current = { name: rest };
      normalMapKeyword = '';
      materials.set(rest, current);
    } else if (!current) {
      continue;
    } else if (keyword === 'kd') {
      const rgb = rest.split(/\s+/).slice(0, 3).map(Number);
      if (rgb.length === 3 && rgb.every(Number.isFinite)) current.diffuseColor = rgb as [number, number, number];
    } else if (keyword === 'map_kd') {
      current.diffuseMap = parseTextureStatement(rest);
    } else if (NORMAL_MAP_KEYWORDS.includes(keyword) && isPreferred(keyword, normalMapKeyword)) {
      current.normalMap = parseTextureStatement(rest);
      normalMapKeyword = keyword;
    }
  }
  return materials;
}

/** `norm` says "normal map" outright, so it wins over bump statements in the same material. */
function isPreferred(keyword: string, previous: string): boolean {
  return !previous || NORMAL_MAP_KEYWORDS.indexOf(keyword) <= NORMAL_MAP_KEYWORDS.indexOf(previous);
}

/**
 * Splits `-bm 0.5 -clamp on my texture.jpg` into its options and the file name, which is
 * everything after the options, spaces included.
 */
export function parseTextureStatement(value: string): MtlTexture | undefined {
  const tokens = [...value.matchAll(/\S+/g)];
  let scale = 1;
  let next = 0;
  while (next < tokens.length) {
    const option = tokens[next]![0].toLowerCase();
    const argumentCount = TEXTURE_OPTION_ARGUMENTS[option];
    if (!argumentCount) break;
    const [fewest, most] = argumentCount;
    let taken = 0;
    while (taken < most && next + 1 + taken < tokens.length) {
      const isNumber = Number.isFinite(Number(tokens[next + 1 + taken]![0]));
      if (taken >= fewest && !isNumber) break;
      taken++;
    }
    if (option === '-bm') scale = Number(tokens[next + 1]?.[0] ?? 1);
    next += 1 + taken;
  }
  const start = tokens[next]?.index;
  if (start === undefined) return undefined;
  return { file: value.slice(start).trim(), scale: Number.isFinite(scale) ? scale : 1 };
}

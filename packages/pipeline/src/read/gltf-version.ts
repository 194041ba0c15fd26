import path from 'node:path';
import { ScanError } from '../errors.js';

/**
 * glTF 1.0 kept its objects in maps keyed by id ("meshes": {"mesh-1": …}) where 2.0 has
 * lists, and had shaders of its own. Old exporters wrote 1.0 files with no asset.version
 * (it was optional then), so the shape is what gives them away.
 */
const GLTF1_MAPS = ['accessors', 'bufferViews', 'buffers', 'meshes', 'nodes', 'materials', 'images', 'textures'];
const GLTF1_ONLY = ['techniques', 'programs', 'shaders'];

/**
 * Refuses a GLB whose header is not version 2, before its chunks are parsed: a version 1
 * GLB (KHR_binary_glTF) holds glTF 1.0, which gltf-transform reads as garbage or not at all.
 */
export function refuseGlbVersion(bytes: Uint8Array, name: string): void {
  if (bytes.byteLength < 8) return; // too short to hold a version: parseGlb says it is truncated
  const version = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(4, true);
  if (version === 1) throw gltf1Error(name);
  if (version !== 2) {
    throw new ScanError(
      `${name} is a GLB of version ${version}, and vitrine reads glTF 2.0 only; export the scan again as glTF 2.0 (.glb)`,
      'unsupported-version',
    );
  }
}

/**
 * Refuses glTF JSON that is not glTF 2.x, in words that name the version: 1.0 (by its
 * asset.version or, lacking one, by its 1.0-style maps), 0.8 (version at the top level),
 * or a major version after 2 that we cannot know the meaning of.
 */
export function refuseGltfJsonVersion(json: unknown, name: string): asserts json is object {
  if (!isObject(json) || Array.isArray(json)) {
    throw new ScanError(`${name} is not glTF (its JSON has no "asset"); export the scan as glTF 2.0`, 'corrupt');
  }
  const asset = 'asset' in json && isObject(json.asset) ? json.asset : undefined;
  const declared = asset && 'version' in asset ? asset.version : 'version' in json ? json.version : undefined;
  const version =
    typeof declared === 'string' || typeof declared === 'number'
      ? String(declared).replace(/\s+/g, ' ').slice(0, 20)
      : undefined;
  if (version?.startsWith('0.')) throw gltf1Error(name, version); // 0.8, the 1.0 draft: the same maps
  if (version?.startsWith('1.') || (!version?.startsWith('2.') && looksLikeGltf1(json))) throw gltf1Error(name);
  if (!asset) {
    throw new ScanError(`${name} is JSON but not glTF (it has no "asset"); export the scan as glTF 2.0`, 'corrupt');
  }
  if (version === undefined) {
    throw new ScanError(
      `${name} does not say which glTF version it is (it has no asset.version); export the scan again as glTF 2.0`,
      'corrupt',
    );
  }
  if (!/^2\.\d+$/.test(version)) {
    throw new ScanError(
      `${name} is glTF ${version}, and vitrine reads glTF 2.0 only; export the scan again as glTF 2.0`,
      'unsupported-version',
    );
  }
}

function looksLikeGltf1(json: object): boolean {
  const record = json as Record<string, unknown>;
  return (
    GLTF1_MAPS.some((key) => isObject(record[key]) && !Array.isArray(record[key])) ||
    GLTF1_ONLY.some((key) => key in record) ||
    typeof record['scene'] === 'string'
  );
}

function gltf1Error(name: string, version = '1.0'): ScanError {
  // gltf-pipeline (CesiumGS) upgrades 0.8 and 1.0 to 2.0 as it converts (its updateVersion step);
  // no maintained Blender importer reads 1.0, so we do not send curators there.
  const converted = `${path.basename(name, path.extname(name))}-gltf2.glb`;
  return new ScanError(
    `${name} is glTF ${version}, which vitrine does not read; convert it to glTF 2.0 first, e.g. with \`npx gltf-pipeline -i ${name} -o ${converted}\`, and ingest ${converted}`,
    'unsupported-version',
  );
}

function isObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null;
}

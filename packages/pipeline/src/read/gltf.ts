import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Document, JSONDocument, NodeIO } from '@gltf-transform/core';
import { unpartition } from '@gltf-transform/functions';
import { ScanError } from '../errors.js';
import { getIO } from '../io.js';
import { decodeKtx2Textures } from '../transforms/decode-ktx2-textures.js';
import { validateGltfInput } from '../check/validate-gltf-input.js';
import { refuseMalformedGltfJson } from './gltf-json-shape.js';
import { refuseGltfJsonVersion, refuseGlbVersion } from './gltf-version.js';
import type { Warn } from './reader.js';
import { resolveInsideFolder } from './safe-path.js';

const GLB_MAGIC = 0x46546c67; // "glTF"

/**
 * Reads a .glb or .gltf. External buffers and images are loaded by us, not by NodeIO, so
 * that every URI is checked to stay inside the scan's folder before a byte is read.
 * Draco, meshopt, quantized and KTX2 inputs decode through the shared IO's codecs.
 * Whatever the bytes, it either returns a document or throws a ScanError.
 */
export async function readGltf(file: string, bytes: Uint8Array, warn: Warn = () => {}): Promise<Document> {
  const io = await getIO();
  const name = path.basename(file);
  try {
    return await readGltfDocument(io, file, bytes, warn);
  } catch (error) {
    if (error instanceof ScanError) throw error;
    throw new ScanError(
      `${name} could not be read as glTF (${oneLine(error)}); re-export it from your scanning software`,
      'corrupt',
      { cause: error },
    );
  }
}

async function readGltfDocument(io: NodeIO, file: string, bytes: Uint8Array, warn: Warn): Promise<Document> {
  const name = path.basename(file);
  const glb = isGlb(bytes);
  if (!glb && path.extname(file).toLowerCase() === '.glb') {
    throw new ScanError(
      `${name} is not a GLB file (it does not start with the glTF binary header); check it is the scan you meant, or export it again`,
      'corrupt',
    );
  }
  if (glb) refuseGlbVersion(bytes, name);
  const jsonDocument: JSONDocument = glb
    ? await parseGlb(io.binaryToJSON.bind(io), bytes, name)
    : parseGltfJson(bytes, name);
  refuseGltfJsonVersion(jsonDocument.json, name);
  refuseMalformedGltfJson(jsonDocument.json, name);
  const missingImages = await loadExternalResources(jsonDocument, path.dirname(file), file);
  await validateGltfInput(bytes, name, jsonDocument.resources, jsonDocument.json);
  const document = await io.readJSON(jsonDocument);
  dropMissingTextures(document, missingImages, name, warn);
  await document.transform(decodeKtx2Textures());
  // Exporters that write one .bin per mesh leave several buffers, and a GLB holds one.
  // Merging them changes nothing the curator sees, so it is done without a warning.
  if (document.getRoot().listBuffers().length > 1) await document.transform(unpartition());
  return document;
}

function isGlb(bytes: Uint8Array): boolean {
  return bytes.byteLength >= 4 && new DataView(bytes.buffer, bytes.byteOffset).getUint32(0, true) === GLB_MAGIC;
}

async function parseGlb(
  binaryToJSON: (glb: Uint8Array) => Promise<JSONDocument>,
  bytes: Uint8Array,
  name: string,
): Promise<JSONDocument> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const declaredLength = bytes.byteLength >= 12 ? view.getUint32(8, true) : Infinity;
  if (declaredLength > bytes.byteLength) {
    throw new ScanError(
      `${name} is truncated (${bytes.byteLength} of ${declaredLength} bytes); copy or download the file again`,
      'corrupt',
    );
  }
  try {
    return await binaryToJSON(bytes);
  } catch (error) {
    throw new ScanError(
      `${name} is not a valid GLB (${oneLine(error)}); re-export it from your scanning software`,
      'corrupt',
      { cause: error },
    );
  }
}

function parseGltfJson(bytes: Uint8Array, name: string): JSONDocument {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (error) {
    throw new ScanError(
      `${name} is not valid glTF JSON (${oneLine(error)}); re-export it, or check it was not cut short`,
      'corrupt',
      { cause: error },
    );
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new ScanError(`${name} is JSON but not glTF (it has no "asset"); export the scan as glTF 2.0`, 'corrupt');
  }
  return { json: json as JSONDocument['json'], resources: {} };
}

/**
 * Loads every external buffer and image from inside the scan's folder. A missing buffer is
 * an error (there is no geometry without it); a missing image is not: the scan is read
 * without that texture and the curator is warned. Returns the URIs of missing images.
 */
async function loadExternalResources(jsonDocument: JSONDocument, folder: string, file: string): Promise<Set<string>> {
  const { images = [], buffers = [] } = jsonDocument.json;
  const external = (uri: string | undefined): uri is string => typeof uri === 'string' && !uri.startsWith('data:');
  const imageUris = new Set(images.map((image) => image.uri).filter(external));
  const missingImages = new Set<string>();
  for (const uri of new Set([...buffers.map((buffer) => buffer.uri).filter(external), ...imageUris])) {
    const resolved = await resolveInsideFolder(folder, uri, file, 'uri');
    try {
      jsonDocument.resources[uri] = new Uint8Array(await readFile(resolved));
    } catch {
      if (!imageUris.has(uri) || buffers.some((buffer) => buffer.uri === uri)) {
        throw new ScanError(
          `${path.basename(file)} needs "${uri}", which is missing; put it in the same folder as the scan`,
          'missing-resource',
        );
      }
      jsonDocument.resources[uri] = new Uint8Array(0);
      missingImages.add(uri);
    }
  }
  return missingImages;
}

function dropMissingTextures(document: Document, missing: Set<string>, name: string, warn: Warn): void {
  for (const texture of document.getRoot().listTextures()) {
    const image = texture.getImage();
    if (image && image.byteLength > 0) continue;
    const uri = texture.getURI();
    if (missing.has(uri))
      warn(
        `${name}: the texture "${uri}" is missing, so the scan was read without it; put it beside the scan and ingest again`,
      );
    texture.dispose();
  }
}

export function oneLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n')[0]!.slice(0, 200);
}

import path from 'node:path';
import type { Document } from '@gltf-transform/core';
import { ScanError } from '../errors.js';
import { fileChunks, type ScanSource } from './file-chunks.js';
import { repairGeometry, reportBrokenFaces } from './geometry-repair.js';
import { PLY_VERTEX_PROPERTIES, hasPositions, plyVertexAttributes } from './ply-attributes.js';
import { readPlyBody, type PlyList } from './ply-body.js';
import { plyTriangles, plyTrianglesWithCornerUvs } from './ply-faces.js';
import { readPlyHeader } from './ply-header.js';
import type { Warn } from './reader.js';
import { addPrimitive, createScanDocument, createScanMaterial, type PrimitiveData } from './scan-document.js';
import { asUtf8 } from './text-encoding.js';
import { createTextureLoader } from './texture.js';

const FACE_INDEX_NAMES = ['vertex_indices', 'vertex_index'];
const WANTED = new Map([
  ['vertex', PLY_VERTEX_PROPERTIES],
  ['face', new Set([...FACE_INDEX_NAMES, 'texcoord'])],
]);

/**
 * Reads a PLY, ascii or binary of either byte order: a mesh, or a point cloud (POINTS)
 * when it has no faces. Its texture is the image a `comment TextureFile` line names.
 *
 * Hand-written rather than three's PLYLoader, which in 0.187 drops every face of more than
 * four corners, knows neither texture_s/texture_t nor alpha, rounds linearized colours back
 * to 8 bits (banding in dark tones), reads a cut-short ascii file as if complete and does
 * not return the header's TextureFile. It does run in Node without a DOM, and handles both
 * byte orders; the reading itself is the smaller part of what a scan needs here.
 */
export async function readPly(source: ScanSource, warn: Warn): Promise<Document> {
  const { file } = source;
  const name = path.basename(file);
  // A PLY saved as UTF-16 text (an ascii PLY through a Windows editor) is read as UTF-8.
  const { header, body } = readPlyHeader(asUtf8(fileChunks(source)), file, warn);
  const vertexElement = header.elements.find((element) => element.name === 'vertex');
  if (!vertexElement || !hasPositions(vertexElement)) {
    throw new ScanError(
      `${name} has no vertex positions (x, y, z); export the scan as a mesh or point cloud`,
      'no-geometry',
    );
  }
  const elements = readPlyBody(body, source.byteLength - header.bodyOffset, header, WANTED, file);
  const vertices = plyVertexAttributes(elements.get('vertex')!, vertexElement);
  const faceLists = elements.get('face')?.lists;
  const faces = FACE_INDEX_NAMES.map((property) => faceLists?.get(property)).find(Boolean);
  const texcoords = faceLists?.get('texcoord');

  let data: PrimitiveData = vertices;
  if (faces && faces.values.length > 0) {
    const triangles =
      texcoords && !vertices.uvs
        ? plyTrianglesWithCornerUvs(integral(faces), texcoords, vertices)
        : plyTriangles(integral(faces), vertices);
    reportBrokenFaces(file, triangles.brokenFaceCount, triangles.faceCount, warn);
    data = triangles.data;
  }

  const { document, mesh } = createScanDocument(file);
  const material = createScanMaterial(document, path.basename(file, path.extname(file)));
  const textureFile = textureFileOf(header.comments, name, warn);
  if (textureFile && data.uvs) {
    const texture = await createTextureLoader(document, warn)(textureFile, file);
    if (texture) material.setBaseColorTexture(texture);
  } else if (textureFile) {
    warn(`${name} names the texture ${textureFile} but has no texture coordinates; it was read without the texture`);
  }
  addPrimitive(document, mesh, repairGeometry(data, file, warn), material);
  return document;
}

/** MeshLab writes `comment TextureFile <name>`, one per texture; we show one texture a scan. */
function textureFileOf(comments: readonly string[], name: string, warn: Warn): string | undefined {
  const files = comments.flatMap((comment) => /^TextureFile\s+(.+)$/i.exec(comment)?.[1]?.trim() ?? []);
  if (files.length > 1) warn(`${name} names ${files.length} textures; only the first, ${files[0]}, is used`);
  return files[0];
}

/** Face indices written as floats (allowed, if odd) become whole numbers. */
function integral(list: PlyList): PlyList {
  return list.values instanceof Uint32Array ? list : { ...list, values: Uint32Array.from(list.values, Math.floor) };
}

import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  ANNOTATIONS_FILE,
  annotationMediaFiles,
  annotationsDocumentSchema,
  describeAnnotationsError,
  type AnnotationsDocument,
  type Dimensions,
} from '@vitrine/core';
import { nameMediaByContent } from './annotations-ingest-hashed-media.js';
import { ScanError } from './errors.js';
import { sha256 } from './sha256.js';

export interface CuratorAnnotations {
  document: AnnotationsDocument;
  /** The images, recordings and captions it names, by their path in the artefact folder. */
  media: ReadonlyMap<string, Uint8Array>;
  /** Hash of the file's and its media's bytes: part of the ingest key, so an edit re-ingests. */
  sha256: string;
}

/**
 * Reads and validates the curator's annotations file, and the media it names, which lie
 * beside it as they will lie beside annotations.json in the artefact. Every problem is one
 * ScanError line naming the file and what is wrong, so it is refused before any work is
 * done on the scan.
 */
export async function readCuratorAnnotations(annotationsFile: string): Promise<CuratorAnnotations> {
  const name = path.basename(annotationsFile);
  let bytes: Buffer;
  try {
    bytes = await readFile(annotationsFile);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'it does not exist' : code === 'EISDIR' ? 'it is a folder' : String(code);
    throw new ScanError(`annotations file ${name} cannot be read: ${reason}`, 'invalid-options', { cause: error });
  }
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString('utf8'));
  } catch (error) {
    const detail = error instanceof Error ? error.message.split('\n')[0] : 'syntax error';
    throw new ScanError(`annotations file ${name} is not valid JSON: ${detail}`, 'invalid-options', {
      cause: error,
    });
  }
  const parsed = annotationsDocumentSchema.safeParse(json);
  if (!parsed.success) {
    throw new ScanError(`annotations file ${name}: ${describeAnnotationsError(parsed.error)}`, 'invalid-options');
  }
  const media = new Map<string, Uint8Array>();
  for (const file of annotationMediaFiles(parsed.data)) {
    try {
      // The schema keeps these inside the annotations' folder: no "..", no absolute path.
      media.set(file, new Uint8Array(await readFile(path.join(path.dirname(annotationsFile), file))));
    } catch (error) {
      throw new ScanError(`annotations file ${name} names ${file}, which cannot be read beside it`, 'invalid-options', {
        cause: error,
      });
    }
  }
  const hashes = [...media].map(([file, content]) => `${file}:${sha256(content)}`);
  return { document: parsed.data, media, sha256: sha256([sha256(bytes), ...hashes].join('\n')) };
}

/**
 * Writes annotations.json and its media into the artefact's (staging) folder, the media
 * under names that carry their content hash (see nameMediaByContent), which the written
 * annotations.json names. The curator's document and its sha256 (the ingest key's part)
 * stay as the curator wrote them: the names are the folder's business, not the input's.
 *
 * A hashed name can be that of a file the ingest wrote (a derivative, the poster) only when
 * the bytes are the same, so writing it again changes nothing; and it never is one of the
 * fixed names (annotations.json, artefact.json), which carry no hash.
 */
export async function writeCuratorAnnotations(annotations: CuratorAnnotations, folder: string): Promise<void> {
  const { document, media } = nameMediaByContent(annotations.document, annotations.media);
  for (const [file, content] of media) {
    const target = path.join(folder, file);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, content);
  }
  await writeFile(path.join(folder, ANNOTATIONS_FILE), `${JSON.stringify(document, null, 2)}\n`);
}

/**
 * Warnings for annotations that cannot sit on the artefact: a point outside its bounds
 * (after normalizing: centred on X and Z, standing on y = 0) was most likely written in
 * another unit, or for the scan before it was normalized.
 */
export function annotationWarnings(document: AnnotationsDocument, dimensions: Dimensions, file: string): string[] {
  const margin = 0.05 * Math.max(dimensions.width, dimensions.height, dimensions.depth);
  const min = [-dimensions.width / 2 - margin, -margin, -dimensions.depth / 2 - margin];
  const max = [dimensions.width / 2 + margin, dimensions.height + margin, dimensions.depth / 2 + margin];
  return document.annotations
    .filter((annotation) => annotation.target.position.some((value, axis) => value < min[axis]! || value > max[axis]!))
    .map(
      (annotation) =>
        `${path.basename(file)}: annotation "${annotation.id}" lies outside the artefact; positions are in metres, in the space of the ingested artefact (centred, standing on y = 0)`,
    );
}

import { createHash } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  annotationMediaFiles,
  annotationsDocumentSchema,
  artefactSchema,
  collectionSchema,
  contentHashedName,
  type Artefact,
  type Collection,
} from '@vitrine/core';

/**
 * A built site as `vitrine build` lays it out (app pages, service worker, hashed assets,
 * the collection under collection/), with a collection as ingest writes it: derivatives,
 * posters and annotation media named by their content, manifests that pass core's
 * schemas. The bytes are made up, and the same for the same label, so a test can
 * "re-ingest" one derivative and leave every other file as it was.
 */

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** `size` bytes that depend only on `label`. */
export function bytesFor(label: string, size: number): Buffer {
  const blocks: Buffer[] = [];
  for (let i = 0; blocks.length * 32 < size; i++) blocks.push(createHash('sha256').update(`${label}#${i}`).digest());
  return Buffer.concat(blocks).subarray(0, size);
}

function write(folder: string, file: string, bytes: Uint8Array | string): void {
  mkdirSync(path.dirname(path.join(folder, file)), { recursive: true });
  writeFileSync(path.join(folder, file), bytes);
}

/** Writes `bytes` under its content-hashed name in `folder` and returns that name. */
function writeHashed(folder: string, stem: string, extension: string, bytes: Buffer): string {
  const name = contentHashedName(stem, sha256(bytes), extension);
  write(folder, name, bytes);
  return name;
}

/** The app: what `vitrine build` puts beside the collection. */
export function writeApp(site: string): void {
  write(site, 'index.html', '<!doctype html><script type="module" src="assets/index-B3xk_9Qa.js"></script>');
  write(site, 'sw.js', 'self.addEventListener("fetch", () => {});');
  write(site, 'assets/index-B3xk_9Qa.js', 'export {};');
  write(site, 'collection/vitrine.config.json', '{"profiles":["thumb","mobile"]}');
}

/**
 * Writes (or, like a re-ingest, replaces) the artefact's folder: a thumb and a mobile
 * derivative, a poster, annotations.json and the three media it names. `revision`
 * changes the mobile derivative's bytes only.
 */
export function writeArtefact(site: string, id: string, revision = 1): Artefact {
  const folder = path.join(site, 'collection', id);
  rmSync(folder, { recursive: true, force: true });
  const derivative = (profile: string, bytes: Buffer) => ({
    profile,
    url: writeHashed(folder, profile, 'glb', bytes),
    container: 'glb' as const,
    bytes: bytes.byteLength,
    triangles: 12,
    vertices: 8,
    textures: [],
    sha256: sha256(bytes),
  });
  const derivatives = [
    derivative('thumb', bytesFor(`${id} thumb`, 4_000)),
    derivative('mobile', bytesFor(`${id} mobile ${revision}`, 60_000)),
  ];
  const poster = writeHashed(folder, 'poster', 'webp', bytesFor(`${id} poster`, 3_000));
  const image = writeHashed(path.join(folder, 'media'), 'lid', 'svg', bytesFor(`${id} lid`, 500));
  const audio = writeHashed(path.join(folder, 'media'), 'tap', 'wav', bytesFor(`${id} tap`, 2_000));
  const captions = writeHashed(path.join(folder, 'media'), 'tap', 'vtt', Buffer.from(`WEBVTT\n\n${id}\n`));
  const annotations = annotationsDocumentSchema.parse({
    schemaVersion: 1,
    layers: [{ id: 'notes', label: { en: 'Notes' }, colour: '#7a3b1d' }],
    annotations: [
      {
        id: 'lid',
        layer: 'notes',
        order: 0,
        target: { position: [0, 1, 0], normal: [0, 1, 0] },
        body: {
          title: { en: 'The lid' },
          text: { en: 'Flat.' },
          image: { url: `media/${image}`, alt: { en: 'The lid' } },
          audio: { url: `media/${audio}`, captions: `media/${captions}` },
        },
      },
    ],
  });
  write(folder, 'annotations.json', JSON.stringify(annotations, null, 2));
  const artefact = artefactSchema.parse({
    schemaVersion: 1,
    id,
    title: { en: id },
    dimensions: { width: 1, height: 1, depth: 1 },
    scale: { factor: 1, basis: 'units' },
    source: {
      file: `${id}.glb`,
      format: 'glb',
      bytes: 1,
      sha256: sha256(Buffer.from(id)),
      triangles: 12,
      vertices: 8,
      materials: 1,
      textures: [],
    },
    warnings: [],
    derivatives,
    poster,
    annotations: 'annotations.json',
    ingestKey: sha256(Buffer.from(`${id} ${revision}`)),
    created: '2026-01-01T00:00:00.000Z',
    generator: 'test',
  } satisfies Artefact);
  write(folder, 'artefact.json', JSON.stringify(artefact, null, 2));
  return artefact;
}

/** The collection's index.json, naming each artefact's manifest and poster. */
export function writeIndex(site: string, artefacts: readonly Artefact[]): void {
  const collection: Collection = collectionSchema.parse({
    schemaVersion: 1,
    artefacts: artefacts.map((artefact) => ({
      id: artefact.id,
      title: artefact.title,
      manifest: `${artefact.id}/artefact.json`,
      poster: `${artefact.id}/${artefact.poster}`,
      dimensions: artefact.dimensions,
    })),
  });
  write(site, 'collection/index.json', JSON.stringify(collection, null, 2));
}

/** A file a stored document names: its key, and the sha256 the document gives for it, if any. */
export interface NamedFile {
  key: string;
  sha256?: string;
}

/**
 * The files the collection document stored under `key` names, as keys in the same bucket;
 * none for anything that is not index.json, artefact.json or annotations.json.
 */
export function filesNamedBy(key: string, text: string): NamedFile[] {
  const folder = key.slice(0, key.lastIndexOf('/') + 1);
  const json = () => JSON.parse(text) as unknown;
  if (key.endsWith('/artefact.json')) {
    const artefact = artefactSchema.parse(json());
    return [
      ...artefact.derivatives.map(({ url, sha256 }) => ({ key: folder + url, sha256 })),
      ...[artefact.poster, artefact.annotations].flatMap((file) => (file ? [{ key: folder + file }] : [])),
    ];
  }
  if (key.endsWith('/annotations.json')) {
    return annotationMediaFiles(annotationsDocumentSchema.parse(json())).map((file) => ({ key: folder + file }));
  }
  if (key.endsWith('/index.json')) {
    return collectionSchema
      .parse(json())
      .artefacts.flatMap((entry) => [entry.manifest, ...(entry.poster ? [entry.poster] : [])])
      .map((file) => ({ key: folder + file }));
  }
  return [];
}

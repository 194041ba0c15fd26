import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { artefactSchema, collectionSchema, type Artefact } from '@vitrine/core';

/** One artefact of a test collection; `annotations` is written as is, so it may be invalid on purpose. */
export interface TestArtefact {
  id: string;
  title?: Record<string, string>;
  annotations?: unknown;
}

/**
 * A document with what the schema allows: two layers, three languages, an image, a
 * recording with captions, a camera view and provenance. Tour order differs from the
 * document order, so exports can show which one they follow.
 */
export function sampleAnnotationsDocument(): Record<string, unknown> {
  return {
    schemaVersion: 1,
    layers: [
      { id: 'decoration', label: { en: 'Decoration', fr: 'Décor' }, colour: '#7a3b1d', visible: true },
      { id: 'conservation', label: { en: 'Conservation' }, colour: '#1d5a7a', visible: false },
    ],
    annotations: [
      {
        id: 'handle',
        layer: 'decoration',
        order: 2,
        target: {
          position: [0.1, 0.3, 0],
          normal: [1, 0, 0],
          view: { position: [0.5, 0.4, 0.5], target: [0.1, 0.3, 0] },
        },
        body: {
          title: { en: 'The handle', fr: "L'anse" },
          text: { en: 'Made **separately** and joined.', fr: 'Façonnée à part.' },
          image: { url: 'images/handle detail.webp', alt: { en: 'The handle, seen from above' } },
          audio: { url: 'audio/handle.mp3', captions: 'audio/handle.en.vtt', language: 'en' },
        },
        created: '2025-03-01T10:00:00Z',
        creator: 'Department of Antiquities',
      },
      {
        id: 'crack',
        layer: 'conservation',
        order: 0,
        target: { position: [0, 0.05, 0.14], normal: [0, 0, 1] },
        body: { title: { en: 'A repaired crack' }, text: { en: 'Filled in 1962.' } },
      },
    ],
  };
}

/** A manifest that artefactSchema accepts; only what these tests look at varies. */
export function testManifest(id: string, title: Record<string, string>, annotations?: string): Artefact {
  return artefactSchema.parse({
    schemaVersion: 1,
    id,
    title,
    dimensions: { width: 0.3, height: 0.45, depth: 0.3 },
    scale: { factor: 1, basis: 'units' },
    source: {
      file: `${id}.glb`,
      format: 'glb',
      bytes: 1,
      sha256: '0'.repeat(64),
      triangles: 12,
      vertices: 8,
      materials: 1,
      textures: [],
    },
    derivatives: [
      {
        profile: 'mobile',
        url: 'mobile.glb',
        container: 'glb',
        bytes: 1,
        triangles: 12,
        vertices: 8,
        textures: [],
        sha256: '1'.repeat(64),
      },
    ],
    ...(annotations ? { annotations } : {}),
    ingestKey: '2'.repeat(64),
    created: '2025-01-01T00:00:00.000Z',
    generator: 'vitrine test',
  });
}

/**
 * Writes a collection as an ingest would lay it out (index.json, `<id>/artefact.json`,
 * `<id>/annotations.json` named by the manifest) into a new temporary folder.
 */
export async function writeTestCollection(artefacts: readonly TestArtefact[]): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), 'vitrine-annotations-'));
  const collection = path.join(root, 'collection');
  await mkdir(collection);
  const entries = [];
  for (const artefact of artefacts) {
    const title = artefact.title ?? { en: artefact.id };
    const folder = path.join(collection, artefact.id);
    await mkdir(folder);
    const named = artefact.annotations === undefined ? undefined : 'annotations.json';
    await writeJson(path.join(folder, 'artefact.json'), testManifest(artefact.id, title, named));
    if (named) await writeJson(path.join(folder, named), artefact.annotations);
    entries.push({
      id: artefact.id,
      title,
      manifest: `${artefact.id}/artefact.json`,
      dimensions: { width: 0.3, height: 0.45, depth: 0.3 },
    });
  }
  const index = collectionSchema.parse({ schemaVersion: 1, title: { en: 'Test museum' }, artefacts: entries });
  await writeJson(path.join(collection, 'index.json'), index);
  return collection;
}

async function writeJson(file: string, value: unknown): Promise<void> {
  await writeFile(file, typeof value === 'string' ? value : `${JSON.stringify(value, null, 2)}\n`);
}

import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import {
  artefactManifestPath,
  COLLECTION_SCHEMA_VERSION,
  collectionSchema,
  INDEX_FILE,
  type Artefact,
  type Collection,
  type CollectionEntry,
} from '@vitrine/core';
import { readCollectionConfig } from '../collection-config.js';
import { ScanError } from '../errors.js';
import { writeFileAtomic } from '../write/atomic.js';
import { withCollectionLock } from './collection-lock.js';

/** Reads a collection's index.json, or an empty collection when there is none yet. */
export async function readCollectionIndex(collection: string): Promise<Collection> {
  const file = path.join(collection, INDEX_FILE);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      return { schemaVersion: COLLECTION_SCHEMA_VERSION, artefacts: [] };
    }
    throw error;
  }
  const parsed = collectionSchema.safeParse(safeJson(text));
  if (!parsed.success) {
    throw new ScanError(
      `${file} is not a valid vitrine collection index; restore it from a backup or move it away`,
      'invalid-options',
    );
  }
  return parsed.data;
}

/** The gallery line for an artefact, as index.json stores it. */
export function collectionEntryFor(artefact: Artefact): CollectionEntry {
  return {
    id: artefact.id,
    title: artefact.title,
    ...(artefact.creator ? { creator: artefact.creator } : {}),
    manifest: artefactManifestPath(artefact.id),
    ...(artefact.poster ? { poster: `${artefact.id}/${artefact.poster}` } : {}),
    dimensions: artefact.dimensions,
    ...(artefact.tags?.length ? { tags: artefact.tags } : {}),
  };
}

/**
 * Adds or replaces one artefact's entry and writes index.json atomically, with the kiosk
 * settings of the collection's vitrine.config.json as they are now. The caller holds the
 * collection lock: this is a read-modify-write, and two at once would lose an entry.
 */
export async function putIndexEntryLocked(collection: string, entry: CollectionEntry): Promise<void> {
  const index = await readCollectionIndex(collection);
  const { kiosk } = await readCollectionConfig(collection);
  const artefacts = index.artefacts.filter((existing) => existing.id !== entry.id);
  artefacts.push(entry);
  artefacts.sort((a, b) => a.id.localeCompare(b.id));
  const { kiosk: _previous, ...rest } = index;
  const next = collectionSchema.parse({ ...rest, ...(kiosk ? { kiosk } : {}), artefacts });
  await writeFileAtomic(path.join(collection, INDEX_FILE), `${JSON.stringify(next, null, 2)}\n`);
}

/** Adds or replaces one artefact's entry, under the collection lock. */
export async function upsertCollectionEntry(collection: string, entry: CollectionEntry): Promise<void> {
  await withCollectionLock(collection, () => putIndexEntryLocked(collection, entry));
}

/**
 * Puts an artefact's entry back when index.json lacks it or lists it out of date (an entry
 * deleted by hand, or an ingest killed between its rename and its index write). Reads
 * first without the lock, so the common case, an up-to-date entry, costs no lock.
 */
export async function ensureIndexed(collection: string, artefact: Artefact): Promise<void> {
  const wanted = collectionEntryFor(artefact);
  const listed = (index: Collection) =>
    isDeepStrictEqual(
      index.artefacts.find((entry) => entry.id === artefact.id),
      wanted,
    );
  if (listed(await readCollectionIndex(collection))) return;
  await withCollectionLock(collection, async () => {
    if (!listed(await readCollectionIndex(collection))) await putIndexEntryLocked(collection, wanted);
  });
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

import { readFile } from 'node:fs/promises';
import path from 'node:path';
import {
  COLLECTION_SCHEMA_VERSION,
  collectionSchema,
  type Artefact,
  type Collection,
  type CollectionEntry,
} from '@vitrine/core';
import { readCollectionConfig } from '../collection-config.js';
import { ScanError } from '../errors.js';
import { writeFileAtomic } from './atomic.js';

export const INDEX_FILE = 'index.json';

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
    manifest: `${artefact.id}/artefact.json`,
    ...(artefact.poster ? { poster: `${artefact.id}/${artefact.poster}` } : {}),
    dimensions: artefact.dimensions,
    ...(artefact.tags?.length ? { tags: artefact.tags } : {}),
  };
}

/**
 * Adds or replaces one artefact's entry and writes index.json atomically, with the kiosk
 * settings of the collection's vitrine.config.json as they are now.
 */
export async function upsertCollectionEntry(collection: string, entry: CollectionEntry): Promise<void> {
  const index = await readCollectionIndex(collection);
  const { kiosk } = await readCollectionConfig(collection);
  const artefacts = index.artefacts.filter((existing) => existing.id !== entry.id);
  artefacts.push(entry);
  artefacts.sort((a, b) => a.id.localeCompare(b.id));
  const { kiosk: _previous, ...rest } = index;
  const next = collectionSchema.parse({ ...rest, ...(kiosk ? { kiosk } : {}), artefacts });
  await writeFileAtomic(path.join(collection, INDEX_FILE), `${JSON.stringify(next, null, 2)}\n`);
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

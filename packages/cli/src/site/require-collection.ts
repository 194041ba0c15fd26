import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { readCollectionIndex } from '@vitrine/pipeline';
import { INDEX_FILE, type Collection } from '@vitrine/core';
import { UsageError } from '../output.js';

/**
 * The collection folder a serve, build or publish command was given, checked before any
 * work starts: a folder, holding a valid index.json. The errors say what to do.
 */
export async function requireCollection(folder: string | undefined): Promise<{ folder: string; index: Collection }> {
  if (!folder) throw new UsageError('name the collection folder, e.g. "vitrine serve my-collection"');
  const resolved = path.resolve(folder);
  if (!existsSync(resolved) || !statSync(resolved).isDirectory()) {
    throw new UsageError(`${folder} is not a folder; give the folder that "vitrine ingest --collection" wrote`);
  }
  if (!existsSync(path.join(resolved, INDEX_FILE))) {
    throw new UsageError(
      `${folder} has no index.json, so it is not a collection yet; add a scan with "vitrine ingest <scan> --collection ${folder}"`,
    );
  }
  try {
    return { folder: resolved, index: await readCollectionIndex(resolved) };
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

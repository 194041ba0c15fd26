import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { COLLECTION_CONFIG_FILE, collectionConfigSchema, type CollectionConfig } from '@vitrine/core';
import { ScanError } from './errors.js';

/** The collection's vitrine.config.json, or an empty config when it has none. */
export async function readCollectionConfig(collection: string): Promise<CollectionConfig> {
  const file = path.join(collection, COLLECTION_CONFIG_FILE);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw error;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ScanError(`${file} is not valid JSON; fix it or remove it to use the default budgets`, 'invalid-options');
  }
  const parsed = collectionConfigSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ScanError(
      `${file}: ${issue.path.join('.') || 'the file'} ${issue.message.toLowerCase()}; see the README for the format`,
      'invalid-options',
    );
  }
  return parsed.data;
}

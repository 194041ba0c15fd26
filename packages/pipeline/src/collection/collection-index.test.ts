import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { collectionSchema, type CollectionEntry } from '@vitrine/core';
import { describe, expect, it } from 'vitest';
import { readCollectionIndex, upsertCollectionEntry } from './collection-index.js';

function entry(id: string): CollectionEntry {
  return {
    id,
    title: { en: id },
    manifest: `${id}/artefact.json`,
    dimensions: { width: 0.1, height: 0.2, depth: 0.1 },
  };
}

describe('index.json', () => {
  it('keeps every entry when 20 upserts run at once', async () => {
    const collection = mkdtempSync(path.join(tmpdir(), 'vitrine-index-'));
    const ids = Array.from({ length: 20 }, (_, index) => `artefact-${index}`);
    await Promise.all(ids.map((id) => upsertCollectionEntry(collection, entry(id))));
    const index = collectionSchema.parse(JSON.parse(readFileSync(path.join(collection, 'index.json'), 'utf8')));
    expect(index.artefacts.map((listed) => listed.id).sort()).toEqual([...ids].sort());
  });

  it('replaces an entry of the same id and keeps the others', async () => {
    const collection = mkdtempSync(path.join(tmpdir(), 'vitrine-index-'));
    await upsertCollectionEntry(collection, entry('a'));
    await upsertCollectionEntry(collection, entry('b'));
    await upsertCollectionEntry(collection, { ...entry('a'), title: { en: 'Amphora' } });
    const index = await readCollectionIndex(collection);
    expect(index.artefacts.map((listed) => [listed.id, listed.title.en])).toEqual([
      ['a', 'Amphora'],
      ['b', 'b'],
    ]);
  });

  it('refuses an index.json that is not a collection, and leaves it alone', async () => {
    const collection = mkdtempSync(path.join(tmpdir(), 'vitrine-index-'));
    writeFileSync(path.join(collection, 'index.json'), '{"artefacts": 3}');
    await expect(upsertCollectionEntry(collection, entry('a'))).rejects.toThrow(/not a valid vitrine collection index/);
    expect(readFileSync(path.join(collection, 'index.json'), 'utf8')).toBe('{"artefacts": 3}');
  });
});

import type { CollectionEntry } from '@vitrine/core';
import { describe, expect, it } from 'vitest';
import { searchCollection } from './search-collection.js';

const entry = (id: string, title: Record<string, string>, extra: Partial<CollectionEntry> = {}): CollectionEntry => ({
  id,
  title,
  manifest: `${id}/artefact.json`,
  dimensions: { width: 1, height: 1, depth: 1 },
  ...extra,
});

const ENTRIES = [
  entry('amphora', { en: 'Amphora', pl: 'Amfora' }, { tags: ['terracotta', 'Greek'] }),
  entry('bust', { en: 'Marble bust', fr: 'Buste en marbre' }, { creator: { en: 'Antonio Canova' } }),
  entry('lamp', { en: 'Oil lamp', pl: 'Lampka oliwna z Łodzi' }, { tags: ['bronze'] }),
];
const ids = (query: string) => searchCollection(ENTRIES, query).map((found) => found.id);

describe('searchCollection', () => {
  it('keeps everything, in order, for an empty query', () => {
    expect(ids('')).toEqual(['amphora', 'bust', 'lamp']);
    expect(ids('   ')).toEqual(['amphora', 'bust', 'lamp']);
  });
  it('finds by title in any language, ignoring case and accents', () => {
    expect(ids('AMFORA')).toEqual(['amphora']);
    expect(ids('buste')).toEqual(['bust']);
    expect(ids('lodzi')).toEqual(['lamp']);
    expect(ids('Łódź'.slice(0, 3))).toEqual(['lamp']);
  });
  it('finds by creator and by tag', () => {
    expect(ids('canova')).toEqual(['bust']);
    expect(ids('greek')).toEqual(['amphora']);
    expect(ids('bronze')).toEqual(['lamp']);
  });
  it('needs every word of the query', () => {
    expect(ids('marble canova')).toEqual(['bust']);
    expect(ids('marble bronze')).toEqual([]);
  });
});

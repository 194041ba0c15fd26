/// <reference types="vite/client" />
// keep-inside-collection.ts uses the viewer, whose modules import assets the Vite way (`?url`).
import type { Collection, CollectionEntry } from '@vitrine/core';
import { describe, expect, it } from 'vitest';
import { keepInsideCollection } from './keep-inside-collection.js';

const INDEX = 'https://museum.example/kiosk/collection/index.json';

/** `poster: null` for an entry without one. */
const entry = (id: string, files: { manifest?: string; poster?: string | null } = {}) => {
  const { manifest = `${id}/artefact.json`, poster = `${id}/poster.webp` } = files;
  return { id, manifest, ...(poster === null ? {} : { poster }) } as CollectionEntry;
};

const collection = (...artefacts: CollectionEntry[]) => ({ schemaVersion: 1, artefacts }) as Collection;

describe('the gallery keeps to the collection folder', () => {
  it('keeps entries whose manifest and poster lie inside it, as they are', () => {
    const index = collection(entry('amphora'), entry('bust', { poster: null }));
    expect(keepInsideCollection(index, INDEX)).toEqual(index);
  });

  // Values core's schema refuses too: this guard holds should a schema ever let one through.
  it.each([
    '../other/artefact.json',
    '/elsewhere/artefact.json',
    '//evil.example/artefact.json',
    'https://evil.example/collection/artefact.json',
    '\n/\n/evil.example/artefact.json',
    '%2e%2e/artefact.json',
    '..\\artefact.json',
  ])('leaves out an entry whose manifest is %j, and says so', (manifest) => {
    const refused: string[] = [];
    const kept = keepInsideCollection(collection(entry('amphora'), entry('evil', { manifest })), INDEX, (line) =>
      refused.push(line),
    );
    expect(kept.artefacts.map(({ id }) => id)).toEqual(['amphora']);
    expect(refused).toEqual([
      `${INDEX}: artefact "evil" is left out, its manifest lies outside the collection's folder`,
    ]);
  });

  it.each(['../poster.webp', 'https://evil.example/track.gif', 'poster.webp?track=1', '%2E%2E/poster.webp'])(
    'drops a poster that is %j and keeps the entry',
    (poster) => {
      const refused: string[] = [];
      const kept = keepInsideCollection(collection(entry('amphora', { poster })), INDEX, (line) => refused.push(line));
      expect(kept.artefacts).toEqual([entry('amphora', { poster: null })]);
      expect(refused).toHaveLength(1);
    },
  );
});

import { collectionSchema, type Collection } from '@vitrine/core';
import { useEffect, useState } from 'react';
import { collectionIndexUrl } from './config.js';
import { keepInsideCollection } from './keep-inside-collection.js';

export type CollectionState =
  { status: 'loading' } | { status: 'ready'; collection: Collection } | { status: 'error'; error: Error };

/** Loads and validates the collection's index.json once. */
export function useCollection(): CollectionState {
  const [state, setState] = useState<CollectionState>({ status: 'loading' });
  useEffect(() => {
    const controller = new AbortController();
    const indexUrl = collectionIndexUrl();
    fetch(indexUrl, { signal: controller.signal })
      .then((response) => {
        if (!response.ok) throw new Error(`index.json answered ${response.status}`);
        return response.json();
      })
      .then((json: unknown) => {
        const collection = keepInsideCollection(collectionSchema.parse(json), indexUrl, (line) => console.warn(line));
        setState({ status: 'ready', collection });
      })
      .catch((error: unknown) => {
        if (!controller.signal.aborted) setState({ status: 'error', error: error as Error });
      });
    return () => controller.abort();
  }, []);
  return state;
}

import { collectionSchema, type Collection } from '@vitrine/core';
import { useEffect, useState } from 'react';
import { collectionFileUrl } from './config.js';

export type CollectionState =
  { status: 'loading' } | { status: 'ready'; collection: Collection } | { status: 'error'; error: Error };

/** Loads and validates the collection's index.json once. */
export function useCollection(): CollectionState {
  const [state, setState] = useState<CollectionState>({ status: 'loading' });
  useEffect(() => {
    const controller = new AbortController();
    fetch(collectionFileUrl('index.json'), { signal: controller.signal })
      .then((response) => {
        if (!response.ok) throw new Error(`index.json answered ${response.status}`);
        return response.json();
      })
      .then((json: unknown) => setState({ status: 'ready', collection: collectionSchema.parse(json) }))
      .catch((error: unknown) => {
        if (!controller.signal.aborted) setState({ status: 'error', error: error as Error });
      });
    return () => controller.abort();
  }, []);
  return state;
}

import { annotationsDocumentSchema, type AnnotationsDocument } from '@vitrine/core';
import { useEffect, useMemo, useState } from 'react';
import { resolveArtefactFile } from '../load/pick-derivative.js';

export type AnnotationsDocumentState =
  | { status: 'none' }
  | { status: 'loading' }
  | { status: 'ready'; document: AnnotationsDocument }
  | { status: 'error'; error: Error };

/**
 * Loads the artefact's annotations.json, named relative to its manifest. The document is
 * untrusted input like the manifest: one that does not match core's schema is refused
 * whole. The artefact itself is still shown; only the annotations say they failed.
 */
export function useAnnotationsDocument(manifestUrl: string, file: string | undefined): AnnotationsDocumentState {
  // A file outside the manifest's folder is an error of this document, not a crash of the viewer.
  const resolved = useMemo((): { url: string; error?: never } | { url?: never; error: Error } | undefined => {
    if (!file) return undefined;
    try {
      return { url: resolveArtefactFile(manifestUrl, file) };
    } catch (error) {
      return { error: error instanceof Error ? error : new Error(String(error)) };
    }
  }, [manifestUrl, file]);
  const key = resolved?.url;
  const [tagged, setTagged] = useState<{ key?: string; state: AnnotationsDocumentState }>({
    state: { status: 'none' },
  });

  useEffect(() => {
    if (!key) return;
    const controller = new AbortController();
    (async () => {
      const response = await fetch(key, { signal: controller.signal });
      if (!response.ok) throw new Error(`${key} answered ${response.status}`);
      const parsed = annotationsDocumentSchema.safeParse(await response.json());
      if (!parsed.success) throw new Error(`${key} is not a valid annotations document`);
      setTagged({ key, state: { status: 'ready', document: parsed.data } });
    })().catch((error: unknown) => {
      if (controller.signal.aborted) return;
      setTagged({ key, state: { status: 'error', error: error instanceof Error ? error : new Error(String(error)) } });
    });
    return () => controller.abort();
  }, [key]);

  if (resolved?.error) return { status: 'error', error: resolved.error };
  if (!key) return { status: 'none' };
  return tagged.key === key ? tagged.state : { status: 'loading' };
}

import type { AnnotationsDocument } from '@vitrine/core';
import { EditRefused } from './annotations-api.js';

/**
 * Where the editor stands, as its status line says it. `conflict` and `busy` are refused
 * saves with a message of the editor's own in the curator's language (the server's
 * `error` is English); every other refusal shows the server's line as `error`.
 */
export type EditorStatus =
  | { kind: 'loading' | 'ready' | 'saving' | 'saved' }
  /** Someone else saved this artefact since the draft's version was read: saving again cannot succeed. */
  | { kind: 'conflict' }
  /** An ingest of the artefact holds the collection: the same save may succeed in a moment. */
  | { kind: 'busy' }
  | { kind: 'error'; message: string };

/**
 * The status a refused save leaves. Nothing is retried here: after a conflict only the
 * curator can decide whose text wins, and a busy collection is the curator's to wait for.
 */
export function statusAfterFailedSave(error: unknown): EditorStatus {
  if (error instanceof EditRefused && error.status === 412) return { kind: 'conflict' };
  if (error instanceof EditRefused && error.status === 409) return { kind: 'busy' };
  return { kind: 'error', message: error instanceof Error ? error.message : String(error) };
}

/**
 * The draft once a save comes back. The server's copy replaces the draft only when the
 * curator changed nothing while it was saving; otherwise those later changes stay on
 * screen, still unsaved, rather than being overwritten by the older saved version.
 */
export function draftAfterSave(
  current: AnnotationsDocument | undefined,
  sent: AnnotationsDocument,
  saved: AnnotationsDocument,
): AnnotationsDocument {
  return current === sent || current === undefined ? saved : current;
}

import type { Annotation, AnnotationsDocument } from '@vitrine/core';
import type { SurfacePick, ViewerCamera } from '@vitrine/viewer';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from '../i18n/index.js';
import { loadAnnotations, saveAnnotations, type VersionedAnnotations } from './annotations-api.js';
import { addAnnotation, deleteAnnotation, moveInTour, updateAnnotation, withView } from './edit-document.js';
import { draftAfterSave, statusAfterFailedSave, type EditorStatus } from './save-outcome.js';

export type { EditorStatus } from './save-outcome.js';

export interface AnnotationEditorState {
  status: EditorStatus;
  /** What the curator is editing; `saved` is what the server has. */
  draft: AnnotationsDocument | undefined;
  dirty: boolean;
  selected: string | undefined;
  /** The next click on the artefact places a new hotspot. */
  picking: boolean;
  /** Counts saves: the viewer is shown anew after each, with the saved annotations. */
  revision: number;
  /** Where the viewer puts its camera handle, for "use the current view". */
  camera: React.RefObject<ViewerCamera | null>;
  select(id: string | undefined): void;
  setPicking(on: boolean): void;
  pick(pick: SurfacePick): void;
  change(id: string, edit: (annotation: Annotation) => Annotation): void;
  takeCurrentView(id: string): void;
  move(id: string, direction: -1 | 1): void;
  remove(id: string): void;
  save(): Promise<void>;
  /** Reads the annotations from the server again, replacing the draft: unsaved changes are lost. */
  reload(): Promise<void>;
}

/** The annotation editor of `vitrine serve --edit`: loads, changes and saves one artefact's annotations. */
export function useAnnotationEditor(artefactId: string | undefined, token: string | undefined): AnnotationEditorState {
  const { t, i18n } = useTranslation();
  const [status, setStatus] = useState<EditorStatus>({ kind: 'loading' });
  // What the server has, with its version: every save names the version it started from.
  const [saved, setSaved] = useState<VersionedAnnotations>();
  const [draft, setDraft] = useState<AnnotationsDocument>();
  const [selected, select] = useState<string>();
  const [picking, setPicking] = useState(false);
  const [revision, setRevision] = useState(0);
  const camera = useRef<ViewerCamera>(null);

  useEffect(() => {
    if (!artefactId || !token) return;
    let current = true;
    loadAnnotations(artefactId, token).then(
      (loaded) => {
        if (!current) return;
        setSaved(loaded);
        setDraft(loaded.document);
        setStatus({ kind: 'ready' });
      },
      (error: Error) => current && setStatus({ kind: 'error', message: error.message }),
    );
    return () => void (current = false);
  }, [artefactId, token]);

  // "Saved" is no longer true after a change; a refused save's message stays until the next save or reload.
  const changed = useCallback(
    () => setStatus((previous) => (previous.kind === 'saved' ? { kind: 'ready' } : previous)),
    [],
  );

  const edit = useCallback(
    (change: (document: AnnotationsDocument) => AnnotationsDocument) => {
      setDraft((document) => (document ? change(document) : document));
      changed();
    },
    [changed],
  );

  const pick = useCallback(
    (surface: SurfacePick) => {
      if (!draft) return;
      const language = i18n.language;
      const added = addAnnotation(draft, surface, {
        [language]: t('editor.newTitle', { number: draft.annotations.length + 1 }),
      });
      setDraft(added.document);
      select(added.id);
      setPicking(false);
      changed();
    },
    [changed, draft, i18n.language, t],
  );

  const save = useCallback(async () => {
    if (!artefactId || !token || !draft || !saved) return;
    setStatus({ kind: 'saving' });
    try {
      const result = await saveAnnotations(artefactId, token, draft, saved.etag);
      setSaved(result);
      setDraft((current) => draftAfterSave(current, draft, result.document));
      setRevision((count) => count + 1);
      setStatus({ kind: 'saved' });
    } catch (error) {
      // The draft stays as it is whatever the refusal: nothing the curator wrote is dropped.
      setStatus(statusAfterFailedSave(error));
    }
  }, [artefactId, token, draft, saved]);

  const reload = useCallback(async () => {
    if (!artefactId || !token) return;
    setStatus({ kind: 'loading' });
    try {
      const loaded = await loadAnnotations(artefactId, token);
      setSaved(loaded);
      setDraft(loaded.document);
      setRevision((count) => count + 1);
      setStatus({ kind: 'ready' });
    } catch (error) {
      setStatus({ kind: 'error', message: (error as Error).message });
    }
  }, [artefactId, token]);

  return {
    status,
    draft,
    dirty: draft !== saved?.document,
    selected,
    picking,
    revision,
    camera,
    select,
    setPicking,
    pick,
    change: (id, change) => edit((document) => updateAnnotation(document, id, change)),
    takeCurrentView: (id) => {
      const view = camera.current?.view();
      if (view) edit((document) => updateAnnotation(document, id, (annotation) => withView(annotation, view)));
    },
    move: (id, direction) => edit((document) => moveInTour(document, id, direction)),
    remove: (id) => {
      edit((document) => deleteAnnotation(document, id));
      select(undefined);
    },
    save,
    reload,
  };
}

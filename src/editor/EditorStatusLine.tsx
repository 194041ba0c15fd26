import { useTranslation, type Translate } from '../i18n/index.js';
import type { AnnotationEditorState } from './useAnnotationEditor.js';

/**
 * The editor's one-line status, in a live region so that a screen reader announces each
 * change (a save done, refused, or the hint to click the artefact). After a conflict it
 * offers to reload the other person's version; the button sits outside the live region so
 * that only the sentence is announced, and it asks first, since the draft is then lost.
 */
export function EditorStatusLine({ editor }: { editor: AnnotationEditorState }) {
  const { t } = useTranslation();
  const reload = () => {
    if (!editor.dirty || window.confirm(t('editor.reloadConfirm'))) void editor.reload();
  };
  return (
    <>
      <p role="status" className="editor-status">
        {statusText(editor, t)}
      </p>
      {editor.status.kind === 'conflict' && (
        <button type="button" className="editor-reload" onClick={reload}>
          {t('editor.reload')}
        </button>
      )}
    </>
  );
}

function statusText({ status, picking }: AnnotationEditorState, t: Translate): string {
  switch (status.kind) {
    case 'error':
      return t('editor.error', { message: status.message });
    case 'conflict':
      return t('editor.conflict');
    case 'busy':
      return t('editor.busy');
    case 'saved':
      return t('editor.saved');
    case 'saving':
      return t('editor.saving');
    case 'loading':
      return t('editor.loading');
    case 'ready':
      return picking ? t('editor.pickHint') : '';
  }
}

import { annotationsInTourOrder, pickText, type Annotation, type AnnotationsDocument } from '@vitrine/core';
import { useId } from 'react';
import { LANGUAGE_NAMES, UI_LANGUAGES, useTranslation } from '../i18n/index.js';
import { withText } from './edit-document.js';
import { EditorStatusLine } from './EditorStatusLine.js';
import type { AnnotationEditorState } from './useAnnotationEditor.js';

/**
 * The curator's annotation editor beside the viewer: add a hotspot by clicking the
 * artefact, write its title and text in each language, give it the current view and a
 * layer, reorder the tour, delete; Save writes annotations.json through `vitrine serve --edit`.
 */
export function AnnotationEditor({ editor }: { editor: AnnotationEditorState }) {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const languages = [i18n.language, ...navigator.languages];
  const { draft, status } = editor;
  const tour = draft ? annotationsInTourOrder(draft) : [];
  const selected = draft?.annotations.find((annotation) => annotation.id === editor.selected);

  return (
    <section className="annotation-editor" aria-labelledby={headingId} data-editor={status.kind}>
      <h2 id={headingId}>{t('editor.heading')}</h2>
      <EditorStatusLine editor={editor} />
      {draft && (
        <>
          <button type="button" aria-pressed={editor.picking} onClick={() => editor.setPicking(!editor.picking)}>
            {t('editor.add')}
          </button>
          <ol className="editor-tour">
            {tour.map((annotation, index) => {
              const title = pickText(annotation.body.title, languages) || annotation.id;
              return (
                <li key={annotation.id} data-editor-annotation={annotation.id}>
                  <button
                    type="button"
                    aria-pressed={annotation.id === editor.selected}
                    onClick={() => editor.select(annotation.id === editor.selected ? undefined : annotation.id)}
                  >
                    {title}
                  </button>
                  <button
                    type="button"
                    aria-label={t('editor.earlier', { title })}
                    disabled={index === 0}
                    onClick={() => editor.move(annotation.id, -1)}
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    aria-label={t('editor.later', { title })}
                    disabled={index === tour.length - 1}
                    onClick={() => editor.move(annotation.id, 1)}
                  >
                    ↓
                  </button>
                </li>
              );
            })}
          </ol>
          {selected && <AnnotationForm annotation={selected} document={draft} editor={editor} />}
          <button
            type="button"
            className="editor-save"
            disabled={!editor.dirty || status.kind === 'saving' || status.kind === 'loading'}
            onClick={() => void editor.save()}
          >
            {t('editor.save')}
          </button>
        </>
      )}
    </section>
  );
}

function AnnotationForm({
  annotation,
  document,
  editor,
}: {
  annotation: Annotation;
  document: AnnotationsDocument;
  editor: AnnotationEditorState;
}) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const languages = [i18n.language, ...navigator.languages];
  const change = (edit: (annotation: Annotation) => Annotation) => editor.change(annotation.id, edit);
  return (
    <fieldset className="editor-form" data-editing={annotation.id}>
      <legend>{t('editor.editing', { id: annotation.id })}</legend>
      <label htmlFor={`${id}-layer`}>{t('editor.layer')}</label>
      <select
        id={`${id}-layer`}
        value={annotation.layer}
        onChange={(event) => change((current) => ({ ...current, layer: event.target.value }))}
      >
        {document.layers.map((layer) => (
          <option key={layer.id} value={layer.id}>
            {pickText(layer.label, languages)}
          </option>
        ))}
      </select>
      {UI_LANGUAGES.map((language) => (
        <div key={language} className="editor-language" lang={language}>
          <label htmlFor={`${id}-${language}-title`}>{t('editor.title', { language: LANGUAGE_NAMES[language] })}</label>
          <input
            id={`${id}-${language}-title`}
            value={annotation.body.title[language] ?? ''}
            onChange={(event) =>
              change((current) => ({
                ...current,
                body: { ...current.body, title: withText(current.body.title, language, event.target.value) },
              }))
            }
          />
          <label htmlFor={`${id}-${language}-text`}>{t('editor.text', { language: LANGUAGE_NAMES[language] })}</label>
          <textarea
            id={`${id}-${language}-text`}
            rows={3}
            value={annotation.body.text[language] ?? ''}
            onChange={(event) =>
              change((current) => ({
                ...current,
                body: { ...current.body, text: withText(current.body.text, language, event.target.value) },
              }))
            }
          />
        </div>
      ))}
      <p className="editor-view">{annotation.target.view ? t('editor.hasView') : t('editor.noView')}</p>
      <button type="button" onClick={() => editor.takeCurrentView(annotation.id)}>
        {t('editor.useView')}
      </button>
      <button type="button" className="editor-delete" onClick={() => editor.remove(annotation.id)}>
        {t('editor.delete')}
      </button>
    </fieldset>
  );
}

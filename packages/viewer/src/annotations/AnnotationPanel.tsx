import { pickText, type Annotation } from '@vitrine/core';
import { useEffect, useId, useMemo, useRef } from 'react';
import type { ViewerMessages } from '../i18n/messages.js';
import { renderMarkdown } from './markdown.js';
import { textColourOn } from './text-colour.js';

export interface AnnotationPanelProps {
  annotation: Annotation;
  /** Its number in the tour, as on its hotspot. */
  number: number;
  /** The layer's colour, for the number badge. */
  colour: string;
  /** The visitor's languages, most wanted first. */
  languages: readonly string[];
  messages: ViewerMessages;
  /** Move keyboard focus to the title when the annotation shown changes (it was opened from a hotspot or by the keys). */
  takeFocus: boolean;
  /** Resolves the image's and recording's file names against the artefact's folder; `undefined` leaves one out. */
  fileUrl: (file: string) => string | undefined;
  onClose: () => void;
}

/**
 * What the curator wrote about one annotation: title, text (through the safe Markdown
 * subset, never as HTML), image with its alternative text, recording with captions. A
 * non-modal region over the stage, not a dialog: the visitor can keep turning the
 * artefact while reading. The element stays mounted from one annotation to the next, so
 * that a screen reader follows the focus to the new title.
 */
export function AnnotationPanel(props: AnnotationPanelProps) {
  const { annotation, number, colour, languages, messages, takeFocus, fileUrl, onClose } = props;
  const titleId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const { title, text, image, audio } = annotation.body;
  const titleText = pickText(title, languages);
  const body = useMemo(() => renderMarkdown(pickText(text, languages)), [text, languages]);
  const imageUrl = image && fileUrl(image.url);
  // A recording is shown only with its captions: without them it is not for every visitor.
  const audioUrl = audio && fileUrl(audio.url);
  const captionsUrl = audio && fileUrl(audio.captions);

  useEffect(() => {
    if (takeFocus) heading.current?.focus({ preventScroll: true });
  }, [annotation.id, takeFocus]);

  return (
    <section className="vitrine-annotation-panel" aria-labelledby={titleId} data-annotation-panel={annotation.id}>
      <header className="vitrine-annotation-panel-header">
        <span
          className="vitrine-annotation-number"
          style={{ background: colour, color: textColourOn(colour) }}
          aria-hidden="true"
        >
          {number}
        </span>
        <h2 id={titleId} ref={heading} tabIndex={-1}>
          {titleText}
        </h2>
        <button type="button" className="vitrine-annotation-close" aria-label={messages.close} onClick={onClose}>
          <span aria-hidden="true">×</span>
        </button>
      </header>
      <div className="vitrine-annotation-text">{body}</div>
      {image && imageUrl && (
        <figure>
          <img src={imageUrl} alt={pickText(image.alt, languages)} loading="lazy" />
        </figure>
      )}
      {audio && audioUrl && captionsUrl && (
        // The captions track is what makes the recording usable without hearing it.
        <audio controls preload="none" src={audioUrl} aria-label={titleText}>
          <track kind="captions" src={captionsUrl} srcLang={audio.language} label={messages.captions} default />
        </audio>
      )}
    </section>
  );
}

import type { Ref } from 'react';
import type { ViewerMessages } from '../i18n/messages.js';

export interface AnnotationTourControlsProps {
  /** The open annotation's place among the visible ones (1-based), or 0 when none is open. */
  position: number;
  total: number;
  playing: boolean;
  messages: ViewerMessages;
  onStep: (direction: 1 | -1) => void;
  onPlayingChange: (playing: boolean) => void;
  /** The Next button, where focus goes when a panel closes and its hotspot cannot take it. */
  nextRef?: Ref<HTMLButtonElement>;
}

/**
 * Previous, Play/Pause and Next for the guided tour, with the place in it. The tour only
 * plays when the visitor presses Play (never by itself), and the place is announced
 * politely as it advances, since focus is not moved while it plays.
 */
export function AnnotationTourControls(props: AnnotationTourControlsProps) {
  const { position, total, playing, messages, onStep, onPlayingChange, nextRef } = props;
  return (
    <div className="vitrine-annotation-tour" role="group" aria-label={messages.tour}>
      <button type="button" aria-label={messages.previous} title={messages.previous} onClick={() => onStep(-1)}>
        <span aria-hidden="true">‹</span>
      </button>
      <button
        type="button"
        aria-label={playing ? messages.pause : messages.play}
        title={playing ? messages.pause : messages.play}
        data-playing={String(playing)}
        onClick={() => onPlayingChange(!playing)}
      >
        <span aria-hidden="true">{playing ? '❚❚' : '▶'}</span>
      </button>
      <button type="button" ref={nextRef} aria-label={messages.next} title={messages.next} onClick={() => onStep(1)}>
        <span aria-hidden="true">›</span>
      </button>
      <span className="vitrine-annotation-position" aria-live="polite">
        {position > 0 ? messages.tourPosition(position, total) : ''}
      </span>
    </div>
  );
}

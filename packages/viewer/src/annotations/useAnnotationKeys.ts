import { useEffect, type RefObject } from 'react';
import type { AnnotationsController } from './useAnnotations.js';

export interface AnnotationKeyHandlers {
  /** Escape: close the panel (the caller decides where focus goes). */
  onEscape: () => void;
}

/**
 * While a panel is open, Escape closes it and the left and right arrow keys go to the
 * previous and next annotation. Only keys pressed in the viewer count, and Escape also
 * when focus is nowhere (on the page's body, where a click on the canvas leaves it):
 * an embedded viewer must not take the arrow keys that scroll the page around it. Keys
 * meant for a control that uses them (a text field, a slider, the audio player's seek
 * bar) are left alone.
 */
export function useAnnotationKeys(
  inside: RefObject<HTMLElement | null>,
  annotations: AnnotationsController,
  handlers: AnnotationKeyHandlers,
): void {
  const { openId, step } = annotations;
  const { onEscape } = handlers;
  useEffect(() => {
    const root = inside.current?.closest<HTMLElement>('[data-vitrine-viewer]');
    if (!root || openId === undefined) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
      const inViewer = event.target instanceof Node && root.contains(event.target);
      if (!inViewer && !(event.key === 'Escape' && event.target === document.body)) return;
      if (event.key === 'Escape') {
        event.preventDefault();
        onEscape();
      } else if ((event.key === 'ArrowRight' || event.key === 'ArrowLeft') && !usesArrows(event.target)) {
        event.preventDefault();
        step(event.key === 'ArrowRight' ? 1 : -1, 'keys');
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [inside, openId, step, onEscape]);
}

function usesArrows(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLInputElement) return target.type !== 'checkbox' && target.type !== 'button';
  return (
    target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement || target instanceof HTMLMediaElement
  );
}

import { useEffect } from 'react';
import { twistAngle, type ScreenPoint } from './twist-angle.js';

/**
 * Calls `onTwist` with the angle (radians, positive clockwise on the screen) each time two
 * fingers on `element` turn about each other: the twist that turns an artefact on its
 * turntable, in the browser view and in AR. The listeners are passive and only watch:
 * pinching and dragging with the same fingers stay with whatever else handles them (the
 * orbit controls zoom and pan), so one gesture can turn, zoom and pan at once.
 */
export function useTwoFingerTwist(
  element: HTMLElement | null | undefined,
  onTwist: (angle: number) => void,
  enabled = true,
): void {
  useEffect(() => {
    if (!element || !enabled) return;
    let last: [ScreenPoint, ScreenPoint] | undefined;
    const pair = (event: TouchEvent): [ScreenPoint, ScreenPoint] | undefined => {
      const [a, b] = [event.touches[0], event.touches[1]];
      return a && b && event.touches.length === 2
        ? [
            { x: a.clientX, y: a.clientY },
            { x: b.clientX, y: b.clientY },
          ]
        : undefined;
    };
    const onMove = (event: TouchEvent) => {
      const now = pair(event);
      if (now && last) onTwist(twistAngle(last, now));
      last = now;
    };
    // A finger more or less starts a new gesture: no jump from the old pair's angle.
    const onChange = (event: TouchEvent) => {
      last = pair(event);
    };
    const options = { passive: true };
    element.addEventListener('touchstart', onChange, options);
    element.addEventListener('touchmove', onMove, options);
    element.addEventListener('touchend', onChange, options);
    element.addEventListener('touchcancel', onChange, options);
    return () => {
      element.removeEventListener('touchstart', onChange);
      element.removeEventListener('touchmove', onMove);
      element.removeEventListener('touchend', onChange);
      element.removeEventListener('touchcancel', onChange);
    };
  }, [element, onTwist, enabled]);
}

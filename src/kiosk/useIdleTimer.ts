import { useEffect, useRef } from 'react';

/** What a visitor does that means someone is there: touching, clicking, typing, scrolling, moving a mouse. */
export const PRESENCE_EVENTS = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart'] as const;

/** Calls `onIdle` once nobody has touched the page for `ms`, while `active`; every touch starts the wait again. */
export function useIdleTimer(ms: number, onIdle: () => void, active: boolean): void {
  const callback = useRef(onIdle);
  useEffect(() => {
    callback.current = onIdle;
  }, [onIdle]);
  useEffect(() => {
    if (!active) return;
    let timer = window.setTimeout(() => callback.current(), ms);
    const restart = () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(() => callback.current(), ms);
    };
    for (const type of PRESENCE_EVENTS) window.addEventListener(type, restart, { capture: true, passive: true });
    return () => {
      window.clearTimeout(timer);
      for (const type of PRESENCE_EVENTS) window.removeEventListener(type, restart, { capture: true });
    };
  }, [ms, active]);
}

import { useEffect } from 'react';

/**
 * A gallery installation has no way back from another site, and no address bar: links to
 * other origins (a licence, a link in an annotation) do nothing. They stay visible, so the
 * credit a licence asks for is still given.
 */
export function useNoLinksOut(active: boolean): void {
  useEffect(() => {
    if (!active) return;
    const refuse = (event: MouseEvent) => {
      const link = (event.target as Element | null)?.closest?.('a[href]');
      if (!(link instanceof HTMLAnchorElement)) return;
      if (link.origin !== window.location.origin || link.target === '_blank') {
        event.preventDefault();
        event.stopPropagation();
      }
    };
    document.addEventListener('click', refuse, { capture: true });
    return () => document.removeEventListener('click', refuse, { capture: true });
  }, [active]);
}

/**
 * Calls `onOpen` with each annotation the viewer inside `host` opens, read from the viewer
 * root's `data-annotation-open`, the observable state the viewer keeps for tests and tools.
 * Interim wiring: once `<ArtefactViewer>` takes an `onAnnotationOpen` callback, the element
 * passes that instead and this file goes.
 */
export function observeAnnotationOpen(host: Element, onOpen: (id: string) => void): () => void {
  let current: string | null = null;
  const observer = new MutationObserver(() => {
    const open = host.querySelector('[data-vitrine-viewer]')?.getAttribute('data-annotation-open') ?? null;
    if (open === current) return;
    current = open;
    if (open) onOpen(open);
  });
  // childList too: the viewer's root may be created with an annotation already open.
  observer.observe(host, {
    subtree: true,
    childList: true,
    attributes: true,
    attributeFilter: ['data-annotation-open'],
  });
  return () => observer.disconnect();
}

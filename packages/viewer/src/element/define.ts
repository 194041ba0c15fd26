import { VitrineViewerElement } from './VitrineViewerElement.js';

/**
 * Registers `<vitrine-viewer>` (or another tag name). Safe to call twice, as happens when
 * a CMS includes the script once per embedded viewer: the second call changes nothing.
 */
export function defineVitrineViewer(tagName = 'vitrine-viewer'): void {
  if (typeof customElements === 'undefined' || customElements.get(tagName)) return;
  // A subclass per extra tag name: one constructor may be registered only once.
  const constructor = tagName === 'vitrine-viewer' ? VitrineViewerElement : class extends VitrineViewerElement {};
  customElements.define(tagName, constructor);
}

import type { CSSProperties } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { ArtefactViewer, type ViewerState } from '../ArtefactViewer.js';
import { artefactIdFromManifestUrl, dispatchViewerEvent } from './element-events.js';
import { adoptElementStyles } from './element-styles.js';

/** The attributes the element reads; a change to any of them re-renders the viewer. */
export const VIEWER_ATTRIBUTES = ['src', 'lang', 'profile', 'annotation', 'deep-link'] as const;

/** The class on the viewer's root inside the element, for the host page's CSS. */
export const ELEMENT_ROOT_CLASS = 'vitrine-embed';

/** The viewer fills the element, whatever size the page gives it. */
const FILL: CSSProperties = { position: 'absolute', inset: 0 };

/**
 * Module evaluation must not fail where there is no DOM (server rendering, Node tests that
 * import the viewer's index): there the class extends a stand-in and is never defined.
 */
const ElementBase: typeof HTMLElement =
  typeof HTMLElement === 'undefined' ? (class {} as unknown as typeof HTMLElement) : HTMLElement;

/**
 * `<vitrine-viewer src="…/artefact.json" lang="fr" profile="mobile" annotation="…">`: the
 * `<ArtefactViewer>` for pages without React, such as a museum's CMS.
 *
 * It renders into its own light DOM, not a shadow root: the viewer's buttons, status
 * messages and hotspots stay ordinary elements of the page, so the page's accessibility
 * tools, translation tools and CSS reach them (`vitrine-viewer .vitrine-tool { … }`), and
 * the viewer's own stylesheet, which React hoists into the document head, applies as it
 * does in the app. The price is that the page's CSS can also reach them by accident; the
 * viewer's class names all carry the `vitrine-` prefix to keep collisions unlikely.
 */
export class VitrineViewerElement extends ElementBase {
  static readonly observedAttributes: readonly string[] = VIEWER_ATTRIBUTES;

  #root: Root | undefined;

  get src(): string {
    return this.getAttribute('src') ?? '';
  }

  set src(value: string) {
    this.setAttribute('src', value);
  }

  get profile(): string | null {
    return this.getAttribute('profile');
  }

  set profile(value: string | null) {
    this.#setOptionalAttribute('profile', value);
  }

  /** The annotation to open once the artefact has loaded; setting it later opens that one. */
  get annotation(): string | null {
    return this.getAttribute('annotation');
  }

  set annotation(value: string | null) {
    this.#setOptionalAttribute('annotation', value);
  }

  connectedCallback(): void {
    adoptElementStyles(this.ownerDocument, this.localName);
    this.#root ??= createRoot(this);
    this.#render();
  }

  attributeChangedCallback(): void {
    // Before connection the attributes are only recorded: connectedCallback renders them.
    if (this.#root) this.#render();
  }

  disconnectedCallback(): void {
    // Deferred so that moving the element (removed and inserted in one task, as CMS
    // editors and frameworks do) keeps the loaded artefact; and so that an element removed
    // while a React tree is committing does not unmount a root in the middle of it.
    queueMicrotask(() => {
      if (this.isConnected || !this.#root) return;
      // Unmounting the Canvas disposes the scene, the renderer and its WebGL context; the
      // viewer's own effects abort downloads and free the loaded artefact.
      this.#root.unmount();
      this.#root = undefined;
    });
  }

  #render(): void {
    const src = this.getAttribute('src');
    this.#root?.render(src ? <ArtefactViewer {...this.#viewerProps(src)} /> : null);
  }

  #viewerProps(src: string) {
    return {
      src,
      lang: this.#language(),
      profile: this.getAttribute('profile') ?? undefined,
      className: ELEMENT_ROOT_CLASS,
      style: FILL,
      onStateChange: this.#onStateChange,
      annotation: this.getAttribute('annotation') ?? undefined,
      onAnnotationOpen: this.#onAnnotationOpen,
      // Opt-in with the `deep-link` attribute: a CMS page may hold several viewers, and its
      // hash may already mean something else.
      deepLink: this.hasAttribute('deep-link'),
    };
  }

  /** The element's `lang`, else the nearest ancestor's (a French page gets French without saying so twice). */
  #language(): string | undefined {
    const tagged = this.closest<HTMLElement>('[lang]');
    return tagged?.lang || undefined;
  }

  // Stable for the element's lifetime: the viewer re-runs its effect when the callback changes.
  readonly #onStateChange = (state: ViewerState): void => {
    const src = this.src;
    if (state === 'ready') {
      const profile = this.querySelector<HTMLElement>('[data-vitrine-viewer]')?.dataset.lod;
      dispatchViewerEvent(this, 'load', { id: artefactIdFromManifestUrl(src, this.baseURI), profile });
    } else if (state === 'error') {
      dispatchViewerEvent(this, 'error', { message: `the artefact at ${src} could not be shown` });
    }
  };

  readonly #onAnnotationOpen = (id: string | undefined): void => {
    if (id) dispatchViewerEvent(this, 'annotation-open', { id });
  };

  #setOptionalAttribute(name: string, value: string | null): void {
    if (value === null) this.removeAttribute(name);
    else this.setAttribute(name, value);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vitrine-viewer': VitrineViewerElement;
  }
}

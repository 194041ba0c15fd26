import { useCallback, useRef } from 'react';
import { useViewer } from '../ViewerContext.js';
import { ANNOTATION_STYLES } from './annotation-styles.js';
import { AnnotationLayerToggles } from './AnnotationLayerToggles.js';
import { AnnotationPanel } from './AnnotationPanel.js';
import { AnnotationTourControls } from './AnnotationTourControls.js';
import type { AnnotationsController } from './useAnnotations.js';
import { useAnnotationDeepLink } from './useAnnotationDeepLink.js';
import { useAnnotationKeys } from './useAnnotationKeys.js';

export interface AnnotationOverlayProps {
  annotations: AnnotationsController;
  /** Follow and write `#annotation=<id>` in the page URL (off for embeds: several on a page would fight over it). */
  deepLink: boolean;
}

/**
 * The annotations' part in the DOM over the stage, outside the canvas: the layer
 * switches, the guided tour and the open annotation's panel. It also owns the keys
 * (Escape, arrows) and the `#annotation=` deep link.
 */
export function AnnotationOverlay({ annotations, deepLink }: AnnotationOverlayProps) {
  const { languages, messages } = useViewer();
  const root = useRef<HTMLElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const next = useRef<HTMLButtonElement>(null);
  const { status, tour, visible, layers, hiddenLayers, openId, openedBy, playing, close } = annotations;
  const { step, setLayerVisible, setPlaying, fileUrl, setHotspotLayer } = annotations;

  /** Closes the panel; focus that was in it goes back to the hotspot, or to the tour when the hotspot cannot take it. */
  const closePanel = useCallback(() => {
    const focusWasInPanel = panel.current?.contains(document.activeElement) ?? false;
    const hotspot = openId
      ? root.current
          ?.closest('[data-vitrine-viewer]')
          ?.querySelector<HTMLButtonElement>(`button[data-annotation-id="${CSS.escape(openId)}"]`)
      : undefined;
    close();
    if (!focusWasInPanel) return;
    if (hotspot && !hotspot.disabled && !hotspot.hidden) hotspot.focus({ preventScroll: true });
    else next.current?.focus({ preventScroll: true });
  }, [openId, close]);

  useAnnotationDeepLink(annotations, deepLink);
  useAnnotationKeys(root, annotations, { onEscape: closePanel });

  if (status === 'none' || status === 'loading') return null;
  const opened = tour.find((annotation) => annotation.id === openId);
  const colour = (layerId: string) => layers.find((layer) => layer.id === layerId)?.colour ?? '#1f1d1a';
  return (
    <>
      {/* The hotspots' own layer: under the viewer's toolbar and the panel, out of the canvas's "img". */}
      <div className="vitrine-hotspot-layer" ref={setHotspotLayer} />
      <section ref={root} className="vitrine-annotations" aria-label={messages.annotations}>
        <style href="vitrine-annotations" precedence="default">
          {ANNOTATION_STYLES}
        </style>
        {status === 'error' ? (
          <div className="vitrine-annotation-bar">
            <p className="vitrine-annotation-layers" role="status">
              {messages.annotationsError}
            </p>
          </div>
        ) : (
          <>
            <div className="vitrine-annotation-bar">
              <AnnotationLayerToggles
                layers={layers}
                hiddenLayers={hiddenLayers}
                languages={languages}
                messages={messages}
                onChange={setLayerVisible}
              />
              <AnnotationTourControls
                position={opened ? visible.indexOf(opened) + 1 : 0}
                total={visible.length}
                playing={playing}
                messages={messages}
                onStep={(direction) => step(direction, 'tour')}
                onPlayingChange={setPlaying}
                nextRef={next}
              />
            </div>
            {opened && (
              <div ref={panel}>
                <AnnotationPanel
                  annotation={opened}
                  number={tour.indexOf(opened) + 1}
                  colour={colour(opened.layer)}
                  languages={languages}
                  messages={messages}
                  takeFocus={openedBy === 'hotspot' || openedBy === 'keys'}
                  fileUrl={fileUrl}
                  onClose={closePanel}
                />
              </div>
            )}
          </>
        )}
      </section>
    </>
  );
}

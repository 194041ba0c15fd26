import { pickText, type Artefact } from '@vitrine/core';
import { Canvas } from '@react-three/fiber';
import { useCallback, useEffect, useMemo, useState, type CSSProperties } from 'react';
import { NeutralToneMapping } from 'three';
import { AnnotationOverlay } from './annotations/AnnotationOverlay.js';
import { AnnotationScene } from './annotations/AnnotationScene.js';
import { useAnnotations } from './annotations/useAnnotations.js';
import { useAnnotationOpenCallback, useRequestedAnnotation } from './annotations/useRequestedAnnotation.js';
import { viewerMessagesFor, type ViewerMessages } from './i18n/messages.js';
import { useViewerTools } from './controls/useViewerTools.js';
import { ViewerStyles } from './controls/ViewerStyles.js';
import { ViewerToolbar } from './controls/ViewerToolbar.js';
import { ArtefactLoadError } from './load/fetch-artefact.js';
import { LoadingIndicator } from './load/LoadingIndicator.js';
import { createRendererSlot } from './load/renderer-slot.js';
import { shownDerivative } from './load/shown-derivative.js';
import { useArtefact, type LoadedDerivative, type UseArtefactOptions } from './load/useArtefact.js';
import { formatDistance } from './measure/measurement.js';
import { ArtefactStage } from './stage/ArtefactStage.js';
import { ReadySignal } from './stage/ReadySignal.js';
import { StudioEnvironment } from './stage/StudioEnvironment.js';
import { ViewerContext, type ViewerContextValue } from './ViewerContext.js';

export interface ArtefactViewerProps extends Omit<UseArtefactOptions, 'renderer'> {
  /** URL of the artefact's `artefact.json`. */
  src: string;
  /** Language for the viewer's own words and the artefact's texts (BCP 47). */
  lang?: string;
  /** Replace the viewer's words, e.g. with the host app's translations. */
  messages?: ViewerMessages;
  /** Background colour of the stage. */
  background?: string;
  className?: string;
  style?: CSSProperties;
  /** Called when the artefact is drawn, or when loading fails. */
  onStateChange?: (state: ViewerState) => void;
  /** Show the loading and error messages over the stage (default). Off for posters. */
  showStatus?: boolean;
  /** Show the render mode, measure and reset buttons; defaults to `showStatus`, so posters have none. */
  showControls?: boolean;
  /** An annotation to open once the annotations are loaded; changing it opens another. */
  annotation?: string;
  /** Called when the visitor (or the tour, or a link) opens an annotation, and with `undefined` when it closes. */
  onAnnotationOpen?: (id: string | undefined) => void;
  /**
   * Follow and keep `#annotation=<id>` in the page URL (default on). Turn it off where the
   * viewer is one of several on a page, or the page's hash means something else.
   */
  deepLink?: boolean;
}

export type ViewerState = 'loading' | 'ready' | 'error';

/**
 * Shows one artefact from its manifest: loads the derivative for the device, lights and
 * frames it, and lets the visitor turn and zoom. The root element exposes `data-state`,
 * `data-lod` and `data-xr`, and `data-annotation-open` while an annotation's panel is
 * open, for people's tools and tests.
 */
export function ArtefactViewer(props: ArtefactViewerProps) {
  const { src, profile, lang, background = '#ebe7e0', className, style, onStateChange, showStatus = true } = props;
  const messages = props.messages ?? viewerMessagesFor(lang);
  const showControls = props.showControls ?? showStatus;
  const [rendererSlot] = useState(createRendererSlot);
  const [state, retry, freeReplaced] = useArtefact(src, { profile, renderer: rendererSlot.get });
  // The thumb while the target downloads, then the target; `drawn` is what a frame has shown.
  const shown = shownDerivative(state);
  const [drawn, setDrawn] = useState<{ artefact?: Artefact; loaded: LoadedDerivative } | undefined>(undefined);
  const drawnNow = drawn && drawn.artefact === state.artefact ? drawn.loaded : undefined;
  const viewerState: ViewerState =
    state.status === 'error'
      ? 'error'
      : state.status === 'ready' && drawnNow?.scene === state.scene
        ? 'ready'
        : 'loading';
  const onDrawn = useCallback(() => {
    if (!shown) return;
    setDrawn({ artefact: state.artefact, loaded: shown });
    freeReplaced(shown.scene);
  }, [shown, state.artefact, freeReplaced]);
  const tools = useViewerTools();

  useEffect(() => onStateChange?.(viewerState), [viewerState, onStateChange]);

  const languages = useMemo(() => (lang ? [lang, ...navigatorLanguages()] : navigatorLanguages()), [lang]);
  const title = state.artefact ? pickText(state.artefact.title, languages) : '';
  const context = useMemo<ViewerContextValue | null>(
    () =>
      state.artefact && shown
        ? { artefact: state.artefact, derivative: shown.derivative, scene: shown.scene, languages, messages }
        : null,
    [state.artefact, shown, languages, messages],
  );
  const measureLabel =
    tools.measuredMetres === undefined ? undefined : formatDistance(tools.measuredMetres, languages[0] ?? 'en');
  const annotations = useAnnotations(src, state.artefact);
  useRequestedAnnotation(annotations, props.annotation);
  useAnnotationOpenCallback(annotations, props.onAnnotationOpen);
  return (
    <div
      className={className}
      style={{ position: 'relative', width: '100%', height: '100%', background, ...style }}
      data-vitrine-viewer=""
      data-state={viewerState}
      data-lod={drawnNow?.derivative.profile}
      data-xr="none"
      data-annotation-open={annotations.openId}
    >
      {state.status !== 'error' && (
        <Canvas
          frameloop="demand"
          dpr={[1, 2]}
          camera={{ fov: 35, position: [0, 0.3, 1.5] }}
          gl={{ toneMapping: NeutralToneMapping, antialias: true }}
          aria-label={messages.canvasLabel(title)}
          role="img"
          onCreated={({ gl }) => rendererSlot.set(gl)}
        >
          <color attach="background" args={[background]} />
          <StudioEnvironment />
          {context && (
            <ViewerContext value={context}>
              <ArtefactStage
                scene={context.scene}
                dimensions={context.artefact.dimensions}
                renderMode={tools.renderMode}
                controlsRef={tools.stage}
                onSurfaceClick={tools.onSurfaceClick}
                onSurfaceDoubleClick={tools.onSurfaceDoubleClick}
                measurePoints={tools.measurePoints}
                measureLabel={measureLabel}
              />
              <ReadySignal key={context.scene.uuid} onDrawn={onDrawn} />
              <AnnotationScene annotations={annotations} />
            </ViewerContext>
          )}
        </Canvas>
      )}
      {context && (
        <ViewerContext value={context}>
          <AnnotationOverlay annotations={annotations} deepLink={props.deepLink ?? true} />
        </ViewerContext>
      )}
      {(showStatus || showControls) && <ViewerStyles />}
      {showControls && drawnNow && state.status !== 'error' && (
        <ViewerToolbar tools={tools} messages={messages} measureLabel={measureLabel} />
      )}
      {showStatus && viewerState === 'loading' && state.status !== 'error' && (
        <LoadingIndicator
          messages={messages}
          progress={state.status === 'loading' ? state.progress : undefined}
          overPreview={drawnNow !== undefined}
        />
      )}
      {showStatus && state.status === 'error' && (
        <div role="alert" style={overlayStyle}>
          <p>
            {messages.errorTitle} {errorReason(state.error, messages)}
          </p>
          <button type="button" onClick={retry}>
            {messages.retry}
          </button>
        </div>
      )}
    </div>
  );
}

function errorReason(error: Error, messages: ViewerMessages): string {
  if (error instanceof ArtefactLoadError) {
    if (error.kind === 'not-found') return messages.errorNotFound;
    if (error.kind === 'network') return messages.errorNetwork;
  }
  return messages.errorInvalid;
}

function navigatorLanguages(): readonly string[] {
  return typeof navigator === 'undefined' ? ['en'] : navigator.languages;
}

const overlayStyle: CSSProperties = {
  position: 'absolute',
  inset: 'auto 0 1rem 0',
  margin: '0 auto',
  width: 'fit-content',
  maxWidth: '90%',
  padding: '0.5rem 1rem',
  borderRadius: '0.5rem',
  background: 'rgba(255,255,255,0.92)',
  color: '#222',
  textAlign: 'center',
};

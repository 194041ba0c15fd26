import { pickText, type Artefact } from '@vitrine/core';
import { Canvas } from '@react-three/fiber';
import { useCallback, useEffect, useImperativeHandle, useMemo, useState, type CSSProperties, type Ref } from 'react';
import { createPortal } from 'react-dom';
import { NeutralToneMapping, type Group } from 'three';
import { DeferredAnnotationOverlay, DeferredAnnotationScene } from './annotations/DeferredAnnotations.js';
import { useAnnotations } from './annotations/useAnnotations.js';
import {
  useAnnotationOpenCallback,
  useAutoplayTour,
  useRequestedAnnotation,
} from './annotations/useRequestedAnnotation.js';
import { VIEWER_LANGUAGES, viewerMessagesFor, type ViewerMessages } from './i18n/messages.js';
import type { View } from './controls/camera-flight.js';
import { useViewerTools, type SurfacePick } from './controls/useViewerTools.js';
import { ViewerStyles } from './controls/ViewerStyles.js';
import { ViewerToolbar } from './controls/ViewerToolbar.js';
import { LoadErrorMessage } from './load/LoadErrorMessage.js';
import { LoadingIndicator } from './load/LoadingIndicator.js';
import { createRendererSlot } from './load/renderer-slot.js';
import { useArtefact, type UseArtefactOptions } from './load/useArtefact.js';
import { useDrawnArtefact, type ViewerState } from './load/useDrawnArtefact.js';
import { formatDistance } from './measure/measurement.js';
import { ArtefactStage } from './stage/ArtefactStage.js';
import { ReadySignal } from './stage/ReadySignal.js';
import { StudioEnvironment } from './stage/StudioEnvironment.js';
import { useContextRecovery } from './stage/useContextRecovery.js';
import { ViewerContext, type ViewerContextValue } from './ViewerContext.js';
import { ArFallbackControl } from './xr/fallback/index.js';
import { XrEntryButtons } from './xr/XrEntryButtons.js';
import { XrExhibit } from './xr/XrExhibit.js';
import { useXrSession } from './xr/useXrSession.js';
import { useXrSupport } from './xr/useXrSupport.js';

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
  /** Called when the visitor picks another language inside VR or AR (the host may follow it). */
  onLanguageChange?: (lang: string) => void;
  /** Turn slowly around the artefact, as a gallery's idle screen does (not under prefers-reduced-motion). */
  autoRotate?: boolean;
  /** Play the guided tour once the annotations are loaded. */
  autoplayTour?: boolean;
  /** While given (an annotation editor placing a hotspot), a click on the surface picks a point for it. */
  onSurfacePick?: (pick: SurfacePick) => void;
  /** Receives a handle to read the camera's view (an editor saving a hotspot's view). */
  cameraRef?: Ref<ViewerCamera>;
  /** Called with the artefact's manifest once it is read: its title, credits and licence, for the host page. */
  onArtefactLoad?: (artefact: Artefact) => void;
}

export type { ViewerState };

/** What a host may read of the viewer's camera. */
export interface ViewerCamera {
  /** The camera's position and the point it looks at, in the artefact's metres; undefined before the first frame. */
  view(): { position: [number, number, number]; target: [number, number, number] } | undefined;
}

/**
 * Shows one artefact from its manifest: loads the derivative for the device, lights and
 * frames it, and lets the visitor turn and zoom. The root element exposes `data-state`,
 * `data-lod` and `data-xr`, and `data-annotation-open` while an annotation's panel is
 * open, for people's tools and tests.
 */
export function ArtefactViewer(props: ArtefactViewerProps) {
  const { src, profile, lang, background = '#ebe7e0', className, style, onStateChange, showStatus = true } = props;
  // A language picked in VR or AR, until the host passes another `lang`.
  const [picked, setPicked] = useState<{ over: string | undefined; lang: string }>();
  const language = picked && picked.over === lang ? picked.lang : lang;
  const messages = props.messages ?? viewerMessagesFor(language);
  const showControls = props.showControls ?? showStatus;
  const [rendererSlot] = useState(createRendererSlot);
  const recovery = useContextRecovery();
  const [state, retry, freeReplaced] = useArtefact(src, { profile, renderer: rendererSlot.get });
  const { shown, drawnNow, viewerState, onDrawn, onStudioLit } = useDrawnArtefact(state, freeReplaced);
  const tools = useViewerTools(props.onSurfacePick);
  useImperativeHandle(props.cameraRef, () => ({ view: () => tools.stage.current?.view() }), [tools.stage]);
  const xr = useXrSession(rendererSlot);
  const xrSupport = useXrSupport();
  const [savedView] = useState<{ current: View | undefined }>(() => ({ current: undefined }));
  const [arView, setArView] = useState({ placed: false, fit: false });
  const [groups, setGroups] = useState<{ exhibit?: Group; artefact?: Group }>({});
  const { onLanguageChange } = props;
  const onLanguage = useCallback(
    (next: string) => {
      setPicked({ over: lang, lang: next });
      onLanguageChange?.(next);
    },
    [lang, onLanguageChange],
  );
  const enterXr = useCallback(
    (mode: 'vr' | 'ar') => {
      setArView({ placed: false, fit: false });
      void xr.enter(mode);
    },
    [xr],
  );

  useEffect(() => {
    onStateChange?.(viewerState);
  }, [viewerState, onStateChange]);
  const { onArtefactLoad } = props;
  useEffect(() => {
    if (state.artefact) onArtefactLoad?.(state.artefact);
  }, [state.artefact, onArtefactLoad]);

  const languages = useMemo(() => (language ? [language, ...navigatorLanguages()] : navigatorLanguages()), [language]);
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
  const immersive = xr.mode !== 'none';
  const annotations = useAnnotations(src, state.artefact);
  useRequestedAnnotation(annotations, props.annotation);
  useAutoplayTour(annotations, props.autoplayTour ?? false);
  useAnnotationOpenCallback(annotations, props.onAnnotationOpen);
  return (
    <div
      className={className}
      style={{ position: 'relative', width: '100%', height: '100%', background, ...style }}
      data-vitrine-viewer=""
      data-state={viewerState}
      data-lod={drawnNow?.derivative.profile}
      data-xr={xr.mode}
      data-annotation-open={annotations.openId}
    >
      {state.status !== 'error' && (
        <Canvas
          key={recovery.generation}
          frameloop="demand"
          dpr={[1, 2]}
          camera={{ fov: 35, position: [0, 0.3, 1.5] }}
          gl={{ toneMapping: NeutralToneMapping, antialias: true }}
          aria-label={messages.canvasLabel(title)}
          role="img"
          className="vitrine-stage"
          tabIndex={0}
          onKeyDown={tools.onStageKeyDown}
          onCreated={({ gl }) => {
            rendererSlot.set(gl);
            recovery.watch(gl.domElement);
          }}
        >
          <color attach="background" args={[background]} />
          <StudioEnvironment build={drawnNow !== undefined} onLit={onStudioLit} />
          {context && (
            <ViewerContext value={context}>
              <XrExhibit
                xr={xr}
                onGroups={setGroups}
                dimensions={context.artefact.dimensions}
                annotations={annotations}
                languages={languages}
                languageChoices={VIEWER_LANGUAGES}
                messages={messages}
                arPlaced={arView.placed}
                arFit={arView.fit}
                onArPlaced={() => setArView((view) => ({ ...view, placed: true }))}
                onLanguage={onLanguage}
                onExit={xr.exit}
              >
                <ArtefactStage
                  scene={context.scene}
                  dimensions={context.artefact.dimensions}
                  renderMode={tools.renderMode}
                  controlsRef={tools.stage}
                  onSurfaceClick={tools.onSurfaceClick}
                  onSurfaceDoubleClick={tools.onSurfaceDoubleClick}
                  measurePoints={tools.measurePoints}
                  measureLabel={measureLabel}
                  measureLabelLayer={annotations.hotspotLayer}
                  immersive={immersive}
                  savedView={savedView}
                  autoRotate={props.autoRotate}
                />
                <ReadySignal key={context.scene.uuid} onDrawn={onDrawn} />
              </XrExhibit>
              {!immersive && <DeferredAnnotationScene annotations={annotations} drawn={drawnNow !== undefined} />}
            </ViewerContext>
          )}
        </Canvas>
      )}
      {context && !xr.overlay && (
        <ViewerContext value={context}>
          <DeferredAnnotationOverlay
            annotations={annotations}
            deepLink={props.deepLink ?? true}
            drawn={drawnNow !== undefined}
          />
        </ViewerContext>
      )}
      {/* In AR only the session's DOM overlay is seen over the camera: the annotations' panel,
          layers and language and the AR controls move there for the session. */}
      {context &&
        xr.overlay &&
        xr.loaded &&
        groups.artefact &&
        createPortal(
          <ViewerContext value={context}>
            <ViewerStyles />
            <div className="vitrine-ar-overlay" data-vitrine-viewer-overlay="">
              <DeferredAnnotationOverlay
                annotations={annotations}
                deepLink={props.deepLink ?? true}
                drawn={drawnNow !== undefined}
              />
              <xr.loaded.module.ArControls
                root={xr.overlay}
                artefact={groups.artefact}
                dimensions={context.artefact.dimensions}
                locale={languages[0] ?? 'en'}
                messages={messages}
                placed={arView.placed}
                fit={arView.fit}
                languageChoices={VIEWER_LANGUAGES}
                language={language ?? languages[0] ?? 'en'}
                onLanguage={onLanguage}
                onFit={(fit) => setArView((view) => ({ ...view, fit }))}
                onPlaceAgain={() => setArView((view) => ({ ...view, placed: false }))}
                onExit={xr.exit}
              />
            </div>
          </ViewerContext>,
          xr.overlay,
        )}
      {(showStatus || showControls) && <ViewerStyles />}
      {showControls && drawnNow && state.status !== 'error' && !immersive && (
        <ViewerToolbar
          tools={tools}
          messages={messages}
          measureLabel={measureLabel}
          notice={xr.failed ? messages.xrFailed : undefined}
        >
          <XrEntryButtons support={xrSupport} messages={messages} onEnter={enterXr} />
          {context && (
            <ArFallbackControl
              artefact={context.artefact}
              manifestUrl={src}
              messages={messages}
              languages={languages}
              webXrAr={xrSupport.known ? xrSupport.ar : undefined}
            />
          )}
        </ViewerToolbar>
      )}
      {showStatus && viewerState === 'loading' && state.status !== 'error' && (
        <LoadingIndicator
          messages={messages}
          progress={state.status === 'loading' ? state.progress : undefined}
          overPreview={drawnNow !== undefined}
          lighting={state.status === 'ready'}
        />
      )}
      {showStatus && state.status === 'error' && (
        <LoadErrorMessage error={state.error} messages={messages} onRetry={retry} />
      )}
    </div>
  );
}

function navigatorLanguages(): readonly string[] {
  return typeof navigator === 'undefined' ? ['en'] : navigator.languages;
}

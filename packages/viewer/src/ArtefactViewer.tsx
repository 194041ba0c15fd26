import { pickText } from '@vitrine/core';
import { Canvas } from '@react-three/fiber';
import { useCallback, useEffect, useMemo, useState, type CSSProperties } from 'react';
import { NeutralToneMapping } from 'three';
import { viewerMessagesFor, type ViewerMessages } from './i18n/messages.js';
import { ArtefactLoadError } from './load/fetch-artefact.js';
import { useArtefact, type UseArtefactOptions } from './load/useArtefact.js';
import { FramedArtefact } from './stage/FramedArtefact.js';
import { ReadySignal } from './stage/ReadySignal.js';
import { StudioEnvironment } from './stage/StudioEnvironment.js';
import { ViewerContext, type ViewerContextValue } from './ViewerContext.js';

export interface ArtefactViewerProps extends UseArtefactOptions {
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
}

export type ViewerState = 'loading' | 'ready' | 'error';

/**
 * Shows one artefact from its manifest: loads the derivative for the device, lights and
 * frames it, and lets the visitor turn and zoom. The root element exposes `data-state`,
 * `data-lod` and `data-xr` for people's tools and tests.
 */
export function ArtefactViewer(props: ArtefactViewerProps) {
  const { src, profile, lang, background = '#ebe7e0', className, style, onStateChange, showStatus = true } = props;
  const messages = props.messages ?? viewerMessagesFor(lang);
  const [state, retry] = useArtefact(src, { profile });
  const [drawnScene, setDrawnScene] = useState<object | undefined>(undefined);
  const loadedScene = state.status === 'ready' ? state.scene : undefined;
  const viewerState: ViewerState =
    state.status === 'error' ? 'error' : loadedScene && drawnScene === loadedScene ? 'ready' : 'loading';
  const onDrawn = useCallback(() => setDrawnScene(loadedScene), [loadedScene]);

  useEffect(() => onStateChange?.(viewerState), [viewerState, onStateChange]);

  const languages = useMemo(() => (lang ? [lang, ...navigatorLanguages()] : navigatorLanguages()), [lang]);
  const title = state.artefact ? pickText(state.artefact.title, languages) : '';
  const context = useMemo<ViewerContextValue | null>(
    () =>
      state.status === 'ready'
        ? { artefact: state.artefact, derivative: state.derivative, scene: state.scene, languages, messages }
        : null,
    [state, languages, messages],
  );
  return (
    <div
      className={className}
      style={{ position: 'relative', width: '100%', height: '100%', background, ...style }}
      data-vitrine-viewer=""
      data-state={viewerState}
      data-lod={state.status === 'ready' ? state.derivative.profile : undefined}
      data-xr="none"
    >
      {state.status !== 'error' && (
        <Canvas
          frameloop="demand"
          dpr={[1, 2]}
          camera={{ fov: 35, position: [0, 0.3, 1.5] }}
          gl={{ toneMapping: NeutralToneMapping, antialias: true }}
          aria-label={messages.canvasLabel(title)}
          role="img"
        >
          <color attach="background" args={[background]} />
          <StudioEnvironment />
          {context && (
            <ViewerContext value={context}>
              <FramedArtefact scene={context.scene} />
              <ReadySignal key={context.scene.uuid} onDrawn={onDrawn} />
            </ViewerContext>
          )}
        </Canvas>
      )}
      {showStatus && viewerState === 'loading' && state.status !== 'error' && (
        <p role="status" style={overlayStyle}>
          {state.status === 'loading' && state.progress !== undefined
            ? messages.loadingPercent(Math.round(state.progress * 100))
            : messages.loading}
        </p>
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

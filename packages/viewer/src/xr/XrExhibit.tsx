import type { Dimensions } from '@vitrine/core';
import { Suspense, useEffect, useState, type ReactNode } from 'react';
import type { Group } from 'three';
import type { AnnotationsController } from '../annotations/useAnnotations.js';
import type { ViewerMessages } from '../i18n/messages.js';
import type { XrSession } from './useXrSession.js';

export interface XrExhibitProps {
  xr: XrSession;
  dimensions: Dimensions;
  annotations: AnnotationsController;
  languages: readonly string[];
  languageChoices: readonly string[];
  messages: ViewerMessages;
  arPlaced: boolean;
  arFit: boolean;
  onArPlaced: () => void;
  onLanguage: (language: string) => void;
  onExit: () => void;
  /** Receives the two groups once made (the AR controls turn the artefact's). */
  onGroups?: (groups: { exhibit: Group; artefact: Group }) => void;
  /** The artefact's stage: the same objects in the browser, VR and AR. */
  children: ReactNode;
}

/**
 * Two groups around the artefact's stage that the immersive modes move (the exhibit onto
 * the floor in front of the visitor or onto a table in the room; the artefact onto its
 * plinth, or in the visitor's hands). They are always there, so entering and leaving XR
 * never remounts the stage, and in the browser they stay where they are: at the origin.
 * What XR adds comes from the XR chunk once loaded: 3D hotspots on the artefact, the VR
 * plinth, panel and menu around it, and the session itself beside them.
 */
export function XrExhibit({ xr, children, onGroups, ...props }: XrExhibitProps) {
  const [exhibit, setExhibit] = useState<Group | null>(null);
  const [artefact, setArtefact] = useState<Group | null>(null);
  useEffect(() => {
    if (exhibit && artefact) onGroups?.({ exhibit, artefact });
  }, [exhibit, artefact, onGroups]);
  const chunk = xr.loaded?.module;
  const ready = chunk && exhibit && artefact ? { chunk, exhibit, artefact } : undefined;
  const { dimensions, annotations } = props;
  const diagonal = Math.hypot(dimensions.width, dimensions.height, dimensions.depth);
  return (
    <>
      {/* In AR the artefact appears only once placed: never where the visitor stands. */}
      <group ref={setExhibit} name="vitrine-exhibit" visible={xr.mode !== 'ar' || props.arPlaced}>
        <group ref={setArtefact} name="vitrine-artefact">
          {children}
          {ready && xr.mode !== 'none' && <ready.chunk.XrHotspots annotations={annotations} diagonal={diagonal} />}
        </group>
        {ready && xr.mode === 'vr' && (
          <ready.chunk.VrExhibitContent
            exhibit={ready.exhibit}
            artefact={ready.artefact}
            dimensions={dimensions}
            annotations={annotations}
            languages={props.languages}
            languageChoices={props.languageChoices}
            messages={props.messages}
            onLanguage={props.onLanguage}
            onExit={props.onExit}
          />
        )}
      </group>
      {ready && xr.loaded && (
        // Controller and hand models load (suspend) as they appear: in a boundary of their
        // own, so that waiting for them never hides the artefact.
        <Suspense fallback={null}>
          <ready.chunk.XrScene
            store={xr.loaded.store}
            mode={xr.mode}
            exhibit={ready.exhibit}
            artefact={ready.artefact}
            dimensions={dimensions}
            arPlaced={props.arPlaced}
            arFit={props.arFit}
            onArPlaced={props.onArPlaced}
          />
        </Suspense>
      )}
    </>
  );
}

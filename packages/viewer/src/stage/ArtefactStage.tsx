import type { Dimensions } from '@vitrine/core';
import type { ThreeEvent } from '@react-three/fiber';
import { lazy, Suspense, type Ref } from 'react';
import type { Object3D } from 'three';
import { StageControls, type StageControlsHandle } from '../controls/StageControls.js';
import type { View } from '../controls/camera-flight.js';
import type { MeasurePoints } from '../measure/measurement.js';
import { ContactShadow } from './ContactShadow.js';
import { DebugProbe } from './DebugProbe.js';
import { useRenderMode, type RenderMode } from './useRenderMode.js';

/**
 * Loaded with the first measure point: its fat line (drei's Line, three-stdlib's
 * LineMaterial, ~7 kB gzip) is not needed to show the artefact, and most visits never measure.
 */
const MeasureMarks = lazy(() =>
  import('../measure/MeasureMarks.js').then((module) => ({ default: module.MeasureMarks })),
);

export interface ArtefactStageProps {
  /** The derivative on show, in metres, standing on y = 0. */
  scene: Object3D;
  /** The artefact's size from its manifest: framing, shadow and markers are sized from it. */
  dimensions: Dimensions;
  renderMode: RenderMode;
  /** Receives the camera controls' handle (reset, zoom to a point). */
  controlsRef?: Ref<StageControlsHandle>;
  /** A click or tap on the artefact's surface, and a double click. */
  onSurfaceClick?: (event: ThreeEvent<MouseEvent>) => void;
  onSurfaceDoubleClick?: (event: ThreeEvent<MouseEvent>) => void;
  /** Measure points to draw (none when not measuring), and the distance as the visitor reads it. */
  measurePoints: MeasurePoints;
  measureLabel?: string;
  /** Where the measure label goes to stay above the annotations' hotspots (their layer), if any. */
  measureLabelLayer?: HTMLElement | null;
  /**
   * In VR or AR: the visitor's head is the camera, so the orbit controls step aside (the
   * view they leave is kept for the return) and so do the browser's clicks and marks.
   */
  immersive?: boolean;
  savedView?: { current: View | undefined };
  autoRotate?: boolean;
}

/**
 * Everything inside the canvas around the artefact: the model in the chosen render mode,
 * its shadow on the floor, the camera controls and the measurement marks.
 */
export function ArtefactStage(props: ArtefactStageProps) {
  const { scene, dimensions, renderMode, controlsRef, onSurfaceClick, onSurfaceDoubleClick } = props;
  const { measurePoints, measureLabel, measureLabelLayer, immersive = false, savedView, autoRotate } = props;
  useRenderMode(scene, renderMode);
  const { width, height, depth } = dimensions;
  const markerRadius = Math.hypot(width, height, depth) * 0.006;
  return (
    <>
      <primitive
        object={scene}
        onClick={immersive ? undefined : onSurfaceClick}
        onDoubleClick={immersive ? undefined : onSurfaceDoubleClick}
      />
      <ContactShadow dimensions={dimensions} bakeKey={scene} />
      {!immersive && (
        <StageControls
          ref={controlsRef}
          dimensions={dimensions}
          savedView={savedView}
          autoRotate={autoRotate}
          artefact={scene}
        />
      )}
      {!immersive && measurePoints.length > 0 && (
        // Its own boundary: R3F's canvas-wide one would hide the whole scene while it loads.
        <Suspense fallback={null}>
          <MeasureMarks
            points={measurePoints}
            label={measureLabel}
            markerRadius={markerRadius}
            labelLayer={measureLabelLayer}
          />
        </Suspense>
      )}
      <DebugProbe scene={scene} />
    </>
  );
}

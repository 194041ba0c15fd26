import { Html, Line } from '@react-three/drei';
import { useThree } from '@react-three/fiber';
import { useEffect, useLayoutEffect, useMemo } from 'react';
import type { MeasurePoints } from './measurement.js';

export interface MeasureMarksProps {
  /** The picked points, in metres: a marker each, and a line with `label` once there are two. */
  points: MeasurePoints;
  /** The distance as the visitor reads it. */
  label?: string;
  /** Marker radius in metres: a small share of the artefact's size. */
  markerRadius: number;
  /**
   * The annotations' hotspot layer, when the artefact has annotations: the label goes
   * there, above every hotspot, or a hotspot near the line would hide the distance.
   */
  labelLayer?: HTMLElement | null;
}

const MARK_COLOUR = '#b3261e';

/**
 * Markers, line and label of a measurement, drawn over the artefact (no depth test) so a
 * line that passes behind a bulge still shows where it runs.
 */
export function MeasureMarks({ points, label, markerRadius, labelLayer }: MeasureMarksProps) {
  const invalidate = useThree((state) => state.invalidate);
  useEffect(() => invalidate(), [points, invalidate]);
  // A layer of its own inside the hotspots' layer, stacked over all of them by the stylesheet
  // (drei sets a label's z-index only on frames where it moves, and not at all when it is
  // re-attached, so the order cannot hang on that).
  const ownLayer = useMemo(() => {
    const element = document.createElement('div');
    element.className = 'vitrine-measure-layer';
    return element;
  }, []);
  useLayoutEffect(() => {
    if (!labelLayer) return;
    labelLayer.append(ownLayer);
    return () => ownLayer.remove();
  }, [labelLayer, ownLayer]);
  const portal = useMemo(() => (labelLayer ? { current: ownLayer } : undefined), [labelLayer, ownLayer]);
  const [a, b] = points;
  return (
    <group>
      {points.map((point, index) => (
        <mesh key={index} position={point} renderOrder={10}>
          <sphereGeometry args={[markerRadius, 16, 12]} />
          <meshBasicMaterial color={MARK_COLOUR} depthTest={false} toneMapped={false} />
        </mesh>
      ))}
      {a && b && (
        <>
          <Line points={[a, b]} color={MARK_COLOUR} lineWidth={2} depthTest={false} renderOrder={10} />
          <Html position={a.clone().lerp(b, 0.5)} center portal={portal} zIndexRange={[2, 1]} pointerEvents="none">
            <span className="vitrine-measure-label" aria-hidden="true">
              {label}
            </span>
          </Html>
        </>
      )}
    </group>
  );
}

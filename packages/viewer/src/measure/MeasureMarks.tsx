import { Html, Line } from '@react-three/drei';
import { useThree } from '@react-three/fiber';
import { useEffect, useMemo } from 'react';
import { HOTSPOT_Z_RANGE } from '../annotations/AnnotationHotspot.js';
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
const ABOVE_HOTSPOTS: [number, number] = [HOTSPOT_Z_RANGE[0] + 1, HOTSPOT_Z_RANGE[0] + 1];

/**
 * Markers, line and label of a measurement, drawn over the artefact (no depth test) so a
 * line that passes behind a bulge still shows where it runs.
 */
export function MeasureMarks({ points, label, markerRadius, labelLayer }: MeasureMarksProps) {
  const invalidate = useThree((state) => state.invalidate);
  useEffect(() => invalidate(), [points, invalidate]);
  const portal = useMemo(() => (labelLayer ? { current: labelLayer } : undefined), [labelLayer]);
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
          <Html
            position={a.clone().lerp(b, 0.5)}
            center
            portal={portal}
            zIndexRange={portal ? ABOVE_HOTSPOTS : [2, 1]}
            pointerEvents="none"
          >
            <span className="vitrine-measure-label" aria-hidden="true">
              {label}
            </span>
          </Html>
        </>
      )}
    </group>
  );
}

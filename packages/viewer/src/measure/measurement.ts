import { formatMetres } from '@vitrine/core';
import type { Vector3 } from 'three';

/** Points picked on the surface, in metres: none, the first, or both ends of a measurement. */
export type MeasurePoints = readonly Vector3[];

/** The points after a click at `point`: a third click starts a new measurement. */
export function withPoint(points: MeasurePoints, point: Vector3): MeasurePoints {
  return points.length >= 2 ? [point.clone()] : [...points, point.clone()];
}

/**
 * The straight distance between the two ends in metres, the artefact's real size: every
 * derivative is in metres (the pipeline scaled it from the curator's stated units).
 */
export function measuredMetres(points: MeasurePoints): number | undefined {
  const [a, b] = points;
  return a && b ? a.distanceTo(b) : undefined;
}

/** The distance as a visitor reads it: mm, cm or m in their number format (core's formatMetres). */
export function formatDistance(metres: number, locale: string): string {
  return formatMetres(metres, locale);
}

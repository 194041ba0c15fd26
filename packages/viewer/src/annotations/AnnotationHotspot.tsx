import { Html } from '@react-three/drei';
import type { Annotation } from '@vitrine/core';
import type { RefObject } from 'react';
import type { Vector3 } from 'three';
import { textColourOn } from './text-colour.js';

export interface AnnotationHotspotProps {
  annotation: Annotation;
  /** Where to draw it, in world space: its point, lifted a little off the surface. */
  position: Vector3;
  /** Its place in the tour, shown on the marker. */
  number: number;
  /** The accessible name: number and title in the visitor's language. */
  label: string;
  /** The layer's colour, as a CSS hex colour. */
  colour: string;
  /** Its layer is switched off. */
  hidden: boolean;
  /** Its panel is open. */
  open: boolean;
  /** The artefact hides it from the camera (see HotspotOcclusion). */
  occluded: boolean;
  /** The element the button is drawn in, laid over the canvas. */
  container: RefObject<HTMLElement>;
  onActivate: (id: string) => void;
}

/**
 * A numbered marker on the artefact's surface: a real `<button>` in the DOM, placed over
 * the canvas by drei's `<Html>`, so it is focusable, clickable and named like any button.
 * drei re-projects it in `useFrame`, so it follows the camera without rendering anything
 * while the view is still.
 *
 * A marker the artefact hides is dimmed, lets the pointer through to the canvas (a drag
 * that starts on it still turns the artefact, a click on it does not open it) and is
 * `disabled`: it leaves the tab order, but stays in the accessibility tree as an
 * unavailable button, so a screen reader still hears that the annotation exists. No
 * annotation is out of reach from any viewpoint: the guided tour and the arrow keys
 * open each one, and opening turns the camera towards it.
 */
export function AnnotationHotspot(props: AnnotationHotspotProps) {
  const { annotation, position, number, label, colour, hidden, open, occluded, container, onActivate } = props;
  return (
    <Html position={position} center portal={container} zIndexRange={HOTSPOT_Z_RANGE}>
      <button
        type="button"
        className="vitrine-hotspot"
        data-annotation-id={annotation.id}
        data-occluded={String(occluded)}
        aria-label={label}
        aria-expanded={open}
        disabled={occluded}
        hidden={hidden}
        style={{ background: colour, color: textColourOn(colour) }}
        onClick={() => onActivate(annotation.id)}
      >
        {number}
      </button>
    </Html>
  );
}

/** drei stacks markers by distance within this z-index range, inside the hotspot layer. */
const HOTSPOT_Z_RANGE: [number, number] = [100, 0];

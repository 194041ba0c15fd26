import { Billboard } from '@react-three/drei';
import type { Annotation } from '@vitrine/core';
import { useMemo, useRef } from 'react';
import { Vector3 } from 'three';
import type { AnnotationsController } from '../../annotations/useAnnotations.js';
import { XrText } from './XrText.js';

export interface XrHotspotsProps {
  annotations: AnnotationsController;
  /** Size of the artefact (its bounding diagonal, m): markers are sized from it, within what a ray can hit. */
  diagonal: number;
}

/**
 * The annotations as numbered discs on the artefact that always face the visitor, for VR
 * and AR where HTML cannot be drawn. They are real objects in the depth buffer: one behind
 * the artefact is hidden by it, and a ray reaches the artefact first, so it cannot be
 * selected through it. Selecting one opens its panel (or closes it when open).
 */
export function XrHotspots({ annotations, diagonal }: XrHotspotsProps) {
  const { tour, hiddenLayers, layers, openId, open, close } = annotations;
  const radius = Math.min(0.03, Math.max(0.012, diagonal * 0.025));
  const colours = useMemo(() => new Map(layers.map((layer) => [layer.id, layer.colour])), [layers]);
  return (
    <>
      {tour.map((annotation, index) =>
        hiddenLayers.has(annotation.layer) ? null : (
          <XrHotspot
            key={annotation.id}
            annotation={annotation}
            number={index + 1}
            radius={radius}
            colour={colours.get(annotation.layer) ?? '#1f1d1a'}
            open={annotation.id === openId}
            onSelect={() => (annotation.id === openId ? close() : open(annotation.id, 'xr'))}
          />
        ),
      )}
    </>
  );
}

interface XrHotspotProps {
  annotation: Annotation;
  number: number;
  radius: number;
  colour: string;
  open: boolean;
  onSelect: () => void;
}

function XrHotspot({ annotation, number, radius, colour, open, onSelect }: XrHotspotProps) {
  const { position, normal } = annotation.target;
  // Lifted off the surface by its own radius, so the disc is not cut by the facets around it.
  const point = useMemo(
    () => new Vector3(...position).addScaledVector(new Vector3(...normal).normalize(), radius * 0.6),
    [position, normal, radius],
  );
  // A ref, not state: the release may come before React has rendered the press.
  const down = useRef(false);
  return (
    // The handlers sit on the billboard, not the disc: the number's text lies in front of
    // the disc and takes the ray first, and events bubble up from it to here.
    <Billboard
      position={point}
      name={`hotspot-${annotation.id}`}
      userData={{ annotationId: annotation.id }}
      onPointerDown={(event) => (event.stopPropagation(), (down.current = true))}
      onPointerUp={(event) => {
        event.stopPropagation();
        if (down.current) onSelect();
        down.current = false;
      }}
      onPointerOut={() => (down.current = false)}
    >
      <mesh>
        <circleGeometry args={[radius, 32]} />
        <meshBasicMaterial color={open ? '#ffffff' : colour} toneMapped={false} />
      </mesh>
      <XrText position={[0, 0, 0.0005]} fontSize={radius * 1.1} color={open ? colour : '#ffffff'}>
        {String(number)}
      </XrText>
    </Billboard>
  );
}

import { pickText, type Annotation } from '@vitrine/core';
import { useCallback, useMemo, useState } from 'react';
import { Box3, Sphere, Vector3, type Object3D } from 'three';
import { useViewer } from '../ViewerContext.js';
import { AnnotationCameraFlight } from './AnnotationCameraFlight.js';
import { AnnotationHotspot } from './AnnotationHotspot.js';
import { HotspotOcclusion, type HotspotAnchor } from './HotspotOcclusion.js';
import { PanelClearance } from './PanelClearance.js';
import type { AnnotationsController } from './useAnnotations.js';
import { usePrefersReducedMotion } from '../controls/usePrefersReducedMotion.js';

export interface AnnotationSceneProps {
  annotations: AnnotationsController;
}

/**
 * The annotations' part inside the Canvas: a hotspot for every annotation, in tour order
 * (so that the DOM order, and with it the Tab order, is the tour's), the depth test that
 * dims the hidden ones, and the camera's moves for the open one. Hotspots of hidden
 * layers stay mounted but hidden: mounting them again would append them last and break
 * that order. Camera moves come first and hotspots last, because R3F runs frame callbacks
 * in mount order and the hotspots must be placed and tested for the frame's final camera.
 */
export function AnnotationScene({ annotations }: AnnotationSceneProps) {
  const { scene, languages, messages } = useViewer();
  const reducedMotion = usePrefersReducedMotion();
  const { tour, layers, hiddenLayers, openId, openedBy, open, close, occlusion, hotspotLayer } = annotations;
  const anchors = useMemo(() => anchorsOf(tour, surfaceLift(scene)), [tour, scene]);
  const [occluded, setOccluded] = useState<ReadonlySet<string>>(() => new Set());
  const container = useMemo(() => (hotspotLayer ? { current: hotspotLayer } : undefined), [hotspotLayer]);
  const colours = useMemo(() => new Map(layers.map((layer) => [layer.id, layer.colour])), [layers]);
  const onActivate = useCallback(
    (id: string) => (id === openId ? close() : open(id, 'hotspot')),
    [openId, open, close],
  );
  const onOcclusionChange = useCallback(
    (hidden: ReadonlySet<string>) => {
      setOccluded(hidden);
      for (const annotation of tour) occlusion.set(annotation.id, hidden.has(annotation.id));
    },
    [tour, occlusion],
  );
  const opened = tour.find((annotation) => annotation.id === openId);
  if (tour.length === 0) return null;

  return (
    <>
      {/* One opened in VR or AR is not flown to when the browser view comes back (this
          scene mounts again then): the visitor finds the camera where they left it. */}
      <AnnotationCameraFlight
        annotation={openedBy === 'xr' ? undefined : opened}
        occlusion={occlusion}
        instant={reducedMotion}
      />
      <PanelClearance active={opened !== undefined} instant={reducedMotion} />
      <HotspotOcclusion scene={scene} anchors={anchors} onChange={onOcclusionChange} />
      {container &&
        tour.map((annotation, index) => (
          <AnnotationHotspot
            key={annotation.id}
            annotation={annotation}
            position={anchors[index]!.point}
            number={index + 1}
            label={messages.hotspotLabel(index + 1, pickText(annotation.body.title, languages))}
            colour={colours.get(annotation.layer) ?? '#1f1d1a'}
            hidden={hiddenLayers.has(annotation.layer)}
            open={annotation.id === openId}
            occluded={occluded.has(annotation.id)}
            container={container}
            onActivate={onActivate}
          />
        ))}
    </>
  );
}

/**
 * Each hotspot's point, lifted off the surface along its normal: tested on the surface
 * itself, the triangle the point lies on (or a facet of a simplified derivative just
 * above it) would hide it half the time.
 */
function anchorsOf(tour: readonly Annotation[], lift: number): HotspotAnchor[] {
  return tour.map(({ id, target }) => ({
    id,
    point: new Vector3(...target.position).addScaledVector(new Vector3(...target.normal).normalize(), lift),
  }));
}

/**
 * 1% of the artefact's size (its bounding sphere's diameter): enough to clear the facets
 * of a simplified scan around the point, little enough that a hotspot near an edge is not
 * seen through the edge.
 */
function surfaceLift(scene: Object3D): number {
  const sphere = new Box3().setFromObject(scene).getBoundingSphere(new Sphere());
  return Math.max(sphere.radius, 1e-3) * 0.02;
}

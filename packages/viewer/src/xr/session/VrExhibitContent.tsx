import { useThree } from '@react-three/fiber';
import type { Dimensions } from '@vitrine/core';
import { useCallback, useEffect, useLayoutEffect } from 'react';
import { Vector3, type Group } from 'three';
import type { AnnotationsController } from '../../annotations/useAnnotations.js';
import type { ViewerMessages } from '../../i18n/messages.js';
import { VrMenu } from './VrMenu.js';
import { VrPanel } from './VrPanel.js';
import { vrLayout } from './vr-layout.js';

export interface VrExhibitContentProps {
  /** The group holding the plinth and the artefact: placed in front of the visitor. */
  exhibit: Group;
  /** The group holding the artefact alone: what the visitor grabs. */
  artefact: Group;
  dimensions: Dimensions;
  annotations: AnnotationsController;
  languages: readonly string[];
  languageChoices: readonly string[];
  messages: ViewerMessages;
  onLanguage: (language: string) => void;
  onExit: () => void;
}

const FLOOR_RADIUS = 6;

/**
 * The artefact in VR: at true size on a plinth in a calm, plain room (a floor and the
 * stage's own light and colour), in front of where the visitor stood when entering, with
 * the open annotation's panel beside it and the menu in front. Rendered inside the exhibit
 * group (children, not an R3F portal: portals re-inject their parent's state on every
 * change and loop once XR swaps the camera). The artefact itself is grabbed through
 * VrGrab. The camera is only ever the visitor's head: nothing moves them.
 */
export function VrExhibitContent(props: VrExhibitContentProps) {
  const { exhibit, artefact, dimensions, annotations, languages, messages } = props;
  const layout = vrLayout(dimensions);
  const camera = useThree((state) => state.camera);

  /** The artefact back on its plinth, at true size, facing the visitor as the curator framed it. */
  const putBack = useCallback(() => {
    artefact.position.set(0, layout.plinthHeight, 0);
    artefact.quaternion.identity();
    artefact.scale.setScalar(1);
  }, [artefact, layout.plinthHeight]);

  /** The exhibit (plinth and artefact) on the floor in front of where the visitor now looks. */
  const recentre = useCallback(() => {
    const head = camera.getWorldPosition(new Vector3());
    const forward = camera.getWorldDirection(new Vector3()).setY(0);
    if (forward.lengthSq() < 1e-6) forward.set(0, 0, -1);
    forward.normalize();
    exhibit.position.set(head.x + forward.x * layout.distance, 0, head.z + forward.z * layout.distance);
    exhibit.rotation.set(0, Math.atan2(-forward.x, -forward.z), 0);
  }, [exhibit, camera, layout.distance]);

  useLayoutEffect(() => {
    // At the session's start the visitor is at the origin facing −Z (local-floor).
    exhibit.position.set(0, 0, -layout.distance);
    exhibit.rotation.set(0, 0, 0);
    putBack();
    return () => {
      // Back in the browser the artefact stands where the browser's camera expects it.
      exhibit.position.set(0, 0, 0);
      exhibit.rotation.set(0, 0, 0);
      artefact.position.set(0, 0, 0);
      artefact.quaternion.identity();
      artefact.scale.setScalar(1);
    };
  }, [exhibit, artefact, layout.distance, putBack]);

  const onReset = useCallback(() => {
    recentre();
    putBack();
  }, [recentre, putBack]);

  const { tour, openId, step, close, layers, hiddenLayers, setLayerVisible } = annotations;
  const openIndex = tour.findIndex((annotation) => annotation.id === openId);
  const opened = openIndex >= 0 ? tour[openIndex] : undefined;
  const side = Math.max(dimensions.width, dimensions.depth) / 2 + 0.35;

  // Recentering from the headset's system menu: the reference space resets under the visitor.
  useRecentreOnReset(onReset);

  return (
    <>
      <mesh rotation={[-Math.PI / 2, 0, 0]} position={[0, -0.001, 0]} name="vr-floor">
        <circleGeometry args={[FLOOR_RADIUS, 64]} />
        <meshStandardMaterial color="#d8d2c6" roughness={1} />
      </mesh>
      <>
        {layout.plinthHeight > 0 && (
          <mesh position={[0, layout.plinthHeight / 2, 0]} name="vr-plinth">
            <boxGeometry args={[layout.plinthWidth, layout.plinthHeight, layout.plinthWidth]} />
            <meshStandardMaterial color="#f2efe8" roughness={0.9} />
          </mesh>
        )}
        {opened && (
          <VrPanel
            annotation={opened}
            number={openIndex + 1}
            total={tour.length}
            languages={languages}
            messages={messages}
            position={[side + 0.28, layout.plinthHeight + dimensions.height / 2 + 0.1, 0.1]}
            onClose={close}
            onStep={(direction) => step(direction, 'xr')}
          />
        )}
        <VrMenu
          position={[0, Math.max(0.75, layout.plinthHeight - 0.1), layout.plinthWidth / 2 + 0.25]}
          layers={layers}
          hiddenLayers={hiddenLayers}
          languages={languages}
          languageChoices={props.languageChoices}
          language={languages[0] ?? 'en'}
          messages={messages}
          onLayer={setLayerVisible}
          onLanguage={props.onLanguage}
          onStep={(direction) => step(direction, 'xr')}
          onReset={onReset}
          onExit={props.onExit}
        />
      </>
    </>
  );
}

/** Calls `onReset` when the headset recentres the visitor's reference space (the system menu's "recentre"). */
function useRecentreOnReset(onReset: () => void) {
  const gl = useThree((state) => state.gl);
  useEffect(() => {
    const space = gl.xr.getReferenceSpace();
    if (!space) return;
    const listener = () => onReset();
    space.addEventListener('reset', listener);
    return () => space.removeEventListener('reset', listener);
  }, [gl, onReset]);
}

import { XR } from '@react-three/xr';
import type { Dimensions } from '@vitrine/core';
import type { Group } from 'three';
import { ArExhibit } from './ArExhibit.js';
import type { ViewerXrStore } from './create-viewer-xr-store.js';
import { VrGrab } from './VrGrab.js';

export interface XrSceneProps {
  store: ViewerXrStore;
  mode: 'none' | 'vr' | 'ar';
  exhibit: Group;
  artefact: Group;
  dimensions: Dimensions;
  arPlaced: boolean;
  arFit: boolean;
  onArPlaced: () => void;
}

/**
 * The XR session beside the stage, in its own chunk: @react-three/xr's controllers, hands
 * and pointers, grabbing in VR, and placing in AR. What goes on the artefact and around it
 * (hotspots, plinth, panel, menu) is rendered inside the exhibit's groups instead (see
 * XrExhibit). Outside a session it draws nothing and the browser view is as it was.
 */
export function XrScene(props: XrSceneProps) {
  const { store, mode, exhibit, artefact, dimensions } = props;
  return (
    <XR store={store}>
      {mode === 'vr' && <VrGrab artefact={artefact} />}
      {mode === 'ar' && (
        <ArExhibit
          exhibit={exhibit}
          artefact={artefact}
          dimensions={dimensions}
          placed={props.arPlaced}
          fit={props.arFit}
          onPlaced={props.onArPlaced}
        />
      )}
    </XR>
  );
}

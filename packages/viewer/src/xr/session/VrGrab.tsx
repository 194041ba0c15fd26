import { Handle } from '@react-three/handle';
import { useMemo } from 'react';
import type { Group } from 'three';

/**
 * Grab the artefact with a controller (trigger on its surface, or squeeze beside it) or a
 * hand's pinch: move and turn it with one, scale it with two. @react-three/handle does the
 * pointer capture and the one- and two-handed maths; the menu's "put it back" undoes it.
 */
export function VrGrab({ artefact }: { artefact: Group }) {
  const ref = useMemo(() => ({ current: artefact }), [artefact]);
  return <Handle handleRef={ref} targetRef={ref} scale={{ uniform: true }} />;
}

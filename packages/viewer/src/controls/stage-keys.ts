/** What a key pressed on the focused stage asks for. */
export type StageKeyAction =
  | { kind: 'turn'; azimuth: number; polar: number }
  | { kind: 'zoom'; factor: number }
  /** Move the view sideways and up, as shares of the artefact's radius. */
  | { kind: 'pan'; right: number; up: number }
  /** Mark the surface point at the centre of the view (a measure point, an editor's hotspot). */
  | { kind: 'pick' };

/** A press turns the artefact by this much: 24 presses make a full turn. */
export const TURN_STEP = Math.PI / 12;
/** Up and down tilt the view by less: the range from above to the horizon is a quarter turn. */
export const TILT_STEP = Math.PI / 18;
/** Each press of + comes this much closer (and − goes as much farther). */
export const ZOOM_STEP = 1.25;
/** Shift with an arrow moves the view by this share of the artefact's radius. */
export const PAN_STEP = 0.1;

/**
 * The keyboard's way to do what a mouse or a finger does on the stage, as model-viewer
 * and map widgets do it: arrows turn and tilt, Shift and an arrow pans (so the centre
 * mark can reach any point, not only those in line with the centre of the turn), + and −
 * zoom (with the keys beside them that need no Shift), Enter or Space marks the point
 * under the centre mark. Keys with Ctrl, Alt or Cmd are the browser's and the screen reader's.
 */
export function stageKeyAction(event: {
  key: string;
  shiftKey: boolean;
  ctrlKey: boolean;
  altKey: boolean;
  metaKey: boolean;
}): StageKeyAction | undefined {
  if (event.ctrlKey || event.altKey || event.metaKey) return undefined;
  const pan = event.shiftKey ? PAN_BY_ARROW[event.key] : undefined;
  if (pan) return { kind: 'pan', right: pan[0] * PAN_STEP, up: pan[1] * PAN_STEP };
  switch (event.key) {
    case 'ArrowLeft':
      return { kind: 'turn', azimuth: -TURN_STEP, polar: 0 };
    case 'ArrowRight':
      return { kind: 'turn', azimuth: TURN_STEP, polar: 0 };
    case 'ArrowUp':
      return { kind: 'turn', azimuth: 0, polar: -TILT_STEP };
    case 'ArrowDown':
      return { kind: 'turn', azimuth: 0, polar: TILT_STEP };
    case '+':
    case '=':
    case 'PageUp':
      return { kind: 'zoom', factor: ZOOM_STEP };
    case '-':
    case '_':
    case 'PageDown':
      return { kind: 'zoom', factor: 1 / ZOOM_STEP };
    case 'Enter':
    case ' ':
      return { kind: 'pick' };
    default:
      return undefined;
  }
}

const PAN_BY_ARROW: Record<string, [number, number]> = {
  ArrowLeft: [-1, 0],
  ArrowRight: [1, 0],
  ArrowUp: [0, 1],
  ArrowDown: [0, -1],
};

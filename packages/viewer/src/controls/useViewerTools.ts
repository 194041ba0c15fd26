import type { ThreeEvent } from '@react-three/fiber';
import {
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent as ReactKeyboardEvent,
  type RefObject,
} from 'react';
import { measuredMetres, withPoint, type MeasurePoints } from '../measure/measurement.js';
import type { RenderMode } from '../stage/useRenderMode.js';
import { isDoubleTap, type Tap } from './double-tap.js';
import { stageKeyAction } from './stage-keys.js';
import type { StageControlsHandle } from './StageControls.js';

/** The study tools' state, shared by the stage inside the canvas and the toolbar over it. */
export interface ViewerTools {
  renderMode: RenderMode;
  setRenderMode: (mode: RenderMode) => void;
  measuring: boolean;
  toggleMeasuring: () => void;
  /** Points picked so far (0–2) and the distance between two, in metres. */
  measurePoints: MeasurePoints;
  measuredMetres?: number;
  /** Where StageControls, inside the canvas, puts its handle for reset and zoom-to-point. */
  stage: RefObject<StageControlsHandle | null>;
  resetView: () => void;
  /** A click or tap on the artefact: a measure point, or, doubled, a zoom towards it. */
  onSurfaceClick: (event: ThreeEvent<MouseEvent>) => void;
  /** The browser's own double-click on the artefact: a zoom towards it. */
  onSurfaceDoubleClick: (event: ThreeEvent<MouseEvent>) => void;
  /** Keys on the focused stage: turn, tilt, zoom, and mark the point under the centre (see stage-keys.ts). */
  onStageKeyDown: (event: ReactKeyboardEvent<HTMLElement>) => void;
  /** The last Enter on the stage found no surface under the centre mark. */
  centreMissed: boolean;
  /** A click or Enter marks a point (measuring, or an editor placing a hotspot): the centre mark shows. */
  aiming: boolean;
}

/** A point picked on the artefact's surface, in the artefact's metres (Y up), with its outward normal. */
export interface SurfacePick {
  position: [number, number, number];
  normal: [number, number, number];
}

/** A press that moved more than this is a drag of the orbit controls, not a click. */
const CLICK_SLOP_PX = 6;
/** A double click seen both ways (two clicks, then `dblclick`) zooms once. */
const SAME_ZOOM_MS = 600;

/**
 * @param onPick when given (an editor placing a hotspot), a click on the surface picks a
 * point for it instead of starting a measure or a zoom.
 */
export function useViewerTools(onPick?: (pick: SurfacePick) => void): ViewerTools {
  const [renderMode, setRenderMode] = useState<RenderMode>('textured');
  const [measuring, setMeasuring] = useState(false);
  const [measurePoints, setMeasurePoints] = useState<MeasurePoints>([]);
  const [centreMissed, setCentreMissed] = useState(false);
  const stage = useRef<StageControlsHandle>(null);
  const lastTap = useRef<Tap | undefined>(undefined);
  const lastZoom = useRef(-Infinity);

  const toggleMeasuring = useCallback(() => {
    setMeasuring((on) => !on);
    setMeasurePoints([]);
    setCentreMissed(false);
  }, []);
  const resetView = useCallback(() => stage.current?.reset(), []);

  // Escape ends measuring from anywhere on the page: after clicking the canvas, focus is
  // on the page body, not on a control of ours.
  useEffect(() => {
    if (!measuring) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      setMeasuring(false);
      setMeasurePoints([]);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [measuring]);

  const onSurfaceClick = useCallback(
    (event: ThreeEvent<MouseEvent>) => {
      if (event.delta > CLICK_SLOP_PX) return;
      // The nearest surface only: R3F also reports the hits behind it.
      event.stopPropagation();
      if (onPick && !measuring) {
        const normal = event.face?.normal.clone().transformDirection(event.object.matrixWorld);
        if (normal) onPick({ position: event.point.toArray(), normal: normal.toArray() });
        return;
      }
      if (measuring) {
        const point = event.point.clone();
        setCentreMissed(false);
        setMeasurePoints((points) => withPoint(points, point));
        return;
      }
      const tap = { x: event.nativeEvent.offsetX, y: event.nativeEvent.offsetY, time: event.nativeEvent.timeStamp };
      if (isDoubleTap(lastTap.current, tap)) {
        lastTap.current = undefined;
        lastZoom.current = tap.time;
        stage.current?.zoomTo(event.point);
      } else {
        lastTap.current = tap;
      }
    },
    [measuring, onPick],
  );
  // Two clicks are timed above for touch screens, whose browsers may send no `dblclick`;
  // `dblclick` is the platform's own judgement (its timing, accessibility settings) for
  // mice, so it counts too, once.
  const onSurfaceDoubleClick = useCallback(
    (event: ThreeEvent<MouseEvent>) => {
      event.stopPropagation();
      if (measuring || event.nativeEvent.timeStamp - lastZoom.current < SAME_ZOOM_MS) return;
      lastTap.current = undefined;
      lastZoom.current = event.nativeEvent.timeStamp;
      stage.current?.zoomTo(event.point);
    },
    [measuring],
  );

  const onStageKeyDown = useCallback(
    (event: ReactKeyboardEvent<HTMLElement>) => {
      // Keys meant for what sits on the stage (a hotspot, a label) are not the stage's.
      if (event.target !== event.currentTarget || event.defaultPrevented) return;
      const action = stageKeyAction(event);
      if (!action) return;
      const controls = stage.current;
      if (action.kind === 'turn') controls?.turn(action.azimuth, action.polar);
      else if (action.kind === 'zoom') controls?.zoomBy(action.factor);
      else if (action.kind === 'pan') controls?.panBy(action.right, action.up);
      else if (measuring || onPick) {
        const surface = controls?.surfaceAtCentre();
        setCentreMissed(!surface);
        if (surface && measuring) setMeasurePoints((points) => withPoint(points, surface.point));
        else if (surface?.normal && onPick)
          onPick({ position: surface.point.toArray(), normal: surface.normal.toArray() });
      } else return; // Enter with nothing to mark: the page's to have
      // The page must not scroll under the arrows, nor an open annotation step to the next.
      event.preventDefault();
    },
    [measuring, onPick],
  );

  return useMemo(
    () => ({
      renderMode,
      setRenderMode,
      measuring,
      toggleMeasuring,
      measurePoints,
      measuredMetres: measuredMetres(measurePoints),
      stage,
      resetView,
      onSurfaceClick,
      onSurfaceDoubleClick,
      onStageKeyDown,
      centreMissed,
      aiming: measuring || onPick !== undefined,
    }),
    [
      renderMode,
      measuring,
      toggleMeasuring,
      measurePoints,
      resetView,
      onSurfaceClick,
      onSurfaceDoubleClick,
      onStageKeyDown,
      centreMissed,
      onPick,
    ],
  );
}

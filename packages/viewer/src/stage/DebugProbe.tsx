import { useFrame, useThree } from '@react-three/fiber';
import { useEffect, useRef } from 'react';
import { Box3, Vector3, type Object3D } from 'three';

/** What one mounted viewer shows to tests and tools; numbers only, so nothing is kept alive. */
export interface ViewerProbe {
  /** Frames R3F has run (each one a render of the stage). */
  frames(): number;
  /** Renders three has done, shadow passes included (`renderer.info.render.frame`). */
  renders(): number;
  /** GPU objects the renderer holds now (`renderer.info.memory` and programs). */
  memory(): { geometries: number; textures: number; programs: number };
  /** The camera: position, orbit centre, and the matrices to cast rays as the viewer does. */
  view(): { position: number[]; target: number[]; projectionInverse: number[]; world: number[] };
  /** A named object of the stage (`hotspot-<id>`, `vitrine-artefact`, `ar-reticle`…): world position, and whether it and its parents are visible. */
  object(name: string): { position: number[]; visible: boolean } | undefined;
  /** The artefact's size in the world (m), as placed and scaled now: width, height, depth. */
  artefactSize(): number[];
  /** What the last frame drew: draw calls and triangles (both eyes, in VR). */
  lastFrame(): { calls: number; triangles: number };
}

/**
 * Opt-in debugging hook: present only when the page defines `window.__vitrineDebug = {}`
 * before the viewer mounts (tests do, with an init script). Unmounted viewers leave weak
 * references to their renderer and scenes, so a test can check they were collected.
 */
export interface VitrineDebug {
  viewers?: ViewerProbe[];
  retired?: WeakRef<object>[];
  /** The XR store of the viewer that last entered XR (@react-three/xr's state: session, input sources). */
  xrStore?: unknown;
}

declare global {
  interface Window {
    __vitrineDebug?: VitrineDebug;
  }
}

export interface DebugProbeProps {
  /** The artefact scene on show: tracked weakly once it is replaced or unmounted. */
  scene: Object3D;
}

/** Registers the viewer with `window.__vitrineDebug` when a page asks for it; otherwise does nothing. */
export function DebugProbe({ scene }: DebugProbeProps) {
  const gl = useThree((state) => state.gl);
  const get = useThree((state) => state.get);
  const stage = useThree((state) => state.scene);
  const frames = useRef(0);
  useFrame(() => void frames.current++);
  // The derivative on show, for the probe, which lives as long as the renderer.
  const shown = useRef(scene);
  useEffect(() => void (shown.current = scene), [scene]);

  useEffect(() => {
    const debug = typeof window === 'undefined' ? undefined : window.__vitrineDebug;
    if (!debug) return;
    const probe: ViewerProbe = {
      frames: () => frames.current,
      renders: () => gl.info.render.frame,
      memory: () => ({ ...gl.info.memory, programs: gl.info.programs?.length ?? 0 }),
      view: () => {
        const { camera, controls } = get();
        const target = controls && 'target' in controls ? (controls.target as { toArray(): number[] }) : undefined;
        return {
          position: camera.position.toArray(),
          target: target?.toArray() ?? [],
          projectionInverse: camera.projectionMatrixInverse.toArray(),
          world: camera.matrixWorld.toArray(),
        };
      },
      object: (name) => {
        const found = stage.getObjectByName(name);
        if (!found) return undefined;
        let visible = true;
        found.traverseAncestors((ancestor) => (visible &&= ancestor.visible));
        return { position: found.getWorldPosition(new Vector3()).toArray(), visible: visible && found.visible };
      },
      artefactSize: () => new Box3().setFromObject(shown.current).getSize(new Vector3()).toArray(),
      lastFrame: () => ({ calls: gl.info.render.calls, triangles: gl.info.render.triangles }),
    };
    (debug.viewers ??= []).push(probe);
    return () => {
      debug.viewers = debug.viewers?.filter((other) => other !== probe);
      (debug.retired ??= []).push(new WeakRef(gl), new WeakRef(stage));
    };
  }, [gl, get, stage]);

  useEffect(() => {
    const debug = typeof window === 'undefined' ? undefined : window.__vitrineDebug;
    return () => void (debug && (debug.retired ??= []).push(new WeakRef(scene)));
  }, [scene]);

  return null;
}

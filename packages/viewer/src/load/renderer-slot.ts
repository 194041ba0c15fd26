import type { WebGLRenderer } from 'three';

/** Hands the canvas's renderer to loading code that starts before the canvas exists. */
export interface RendererSlot {
  /** The renderer once the canvas has made one. */
  get: () => Promise<WebGLRenderer>;
  /** Called from the canvas's onCreated; a later canvas (after a retry) replaces the first. */
  set: (renderer: WebGLRenderer) => void;
}

export function createRendererSlot(): RendererSlot {
  let resolve: (renderer: WebGLRenderer) => void = () => {};
  let promise = new Promise<WebGLRenderer>((settle) => (resolve = settle));
  return {
    get: () => promise,
    set: (renderer) => {
      resolve(renderer);
      promise = Promise.resolve(renderer);
    },
  };
}

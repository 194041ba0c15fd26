/**
 * The camera positions every model is rendered from, shared by the page that renders and
 * the Node side that labels the results. Directions point from the object's centre to the
 * camera, in glTF's frame (Y up, the front facing +Z).
 */
export interface ViewDirection {
  readonly name: string;
  readonly direction: readonly [number, number, number];
  /** The camera's up vector: a top view looking down Y cannot also have Y as its up. */
  readonly up: readonly [number, number, number];
}

export const VIEWS: readonly ViewDirection[] = Object.freeze([
  { name: 'front', direction: [0, 0, 1], up: [0, 1, 0] },
  { name: 'back', direction: [0, 0, -1], up: [0, 1, 0] },
  { name: 'left', direction: [-1, 0, 0], up: [0, 1, 0] },
  { name: 'right', direction: [1, 0, 0], up: [0, 1, 0] },
  { name: 'top', direction: [0, 1, 0], up: [0, 0, -1] },
  { name: 'three-quarter', direction: [1, 0.7, 1], up: [0, 1, 0] },
]);

/** What the Node side asks the page to render, and what it gets back. */
export interface RenderRequest {
  /** URL of the GLB, served to the page by the Node side. */
  readonly modelUrl: string;
  /** The framing: the source's bounds, so that every tool's output is seen from the same camera. */
  readonly bounds: { readonly min: readonly number[]; readonly max: readonly number[] };
  readonly views: readonly ViewDirection[];
  readonly size: number;
}

export interface RenderResult {
  /** One PNG data URL a view, in the order asked. */
  readonly images: string[];
  readonly triangles: number;
}

/** Installed on `window` by the page; the Node side calls it through page.evaluate. */
export type RenderFunction = (request: RenderRequest) => Promise<RenderResult>;

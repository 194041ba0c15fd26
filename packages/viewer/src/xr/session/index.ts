// The XR chunk: loaded with `import()` only when a visitor asks for VR or AR.
export { ArControls, type ArControlsProps } from './ArControls.js';
export { createViewerXrStore, type ViewerXrStore } from './create-viewer-xr-store.js';
export { VrExhibitContent, type VrExhibitContentProps } from './VrExhibitContent.js';
export { XrHotspots, type XrHotspotsProps } from './XrHotspots.js';
export { XrScene, type XrSceneProps } from './XrScene.js';

export { defineVitrineViewer } from './define.js';
export { ELEMENT_ROOT_CLASS, VIEWER_ATTRIBUTES, VitrineViewerElement } from './VitrineViewerElement.js';
export type {
  VitrineViewerAnnotationOpenDetail,
  VitrineViewerErrorDetail,
  VitrineViewerEventMap,
  VitrineViewerLoadDetail,
} from './element-events.js';

// The entry of the one-file build (`npm run build:element` → dist/element/vitrine-viewer.js):
// loading it registers <vitrine-viewer>, with React, three and the viewer inside.
import { defineVitrineViewer } from './define.js';

export { defineVitrineViewer } from './define.js';
export { VitrineViewerElement } from './VitrineViewerElement.js';
export type * from './element-events.js';

defineVitrineViewer();

export { ArtefactViewer, type ArtefactViewerProps, type ViewerState } from './ArtefactViewer.js';
export { useArtefact, type ArtefactState, type UseArtefactOptions } from './load/useArtefact.js';
export { fetchArtefact, ArtefactLoadError } from './load/fetch-artefact.js';
export { pickDerivative, resolveArtefactFile } from './load/pick-derivative.js';
export { VIEWER_MESSAGES, viewerMessagesFor, type ViewerMessages } from './i18n/messages.js';
export { ViewerContext, useViewer, type ViewerContextValue } from './ViewerContext.js';

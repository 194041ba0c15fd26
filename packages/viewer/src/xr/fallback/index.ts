export { ArFallbackControl, type ArFallbackControlProps } from './ArFallbackControl.js';
export { detectArCapabilities, type ArCapabilities, type ArProbeEnvironment } from './ar-capabilities.js';
export {
  AR_QUERY_PARAMETER,
  arLinkFor,
  chooseArFallback,
  quickLookHref,
  sceneViewerHref,
  type ArFallback,
  type ArFallbackInput,
} from './ar-fallback.js';

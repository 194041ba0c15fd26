import type { ArtefactState, LoadedDerivative } from './useArtefact.js';

/** What should be on screen for a state: the target once loaded, else the preview, else nothing. */
export function shownDerivative(state: ArtefactState): LoadedDerivative | undefined {
  if (state.status === 'ready') return state;
  return state.status === 'loading' ? state.preview : undefined;
}

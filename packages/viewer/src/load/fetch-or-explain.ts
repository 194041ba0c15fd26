import { ArtefactLoadError } from './artefact-load-error.js';

/**
 * `fetch`, with its failures turned into the ArtefactLoadError kinds the visitor reads
 * ("not found" for a 404, "the connection failed" otherwise). An abort is passed on as
 * it is: the viewer unmounted or moved on, and nobody is waiting for a message.
 */
export async function fetchOrExplain(url: string, signal?: AbortSignal): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(url, { signal });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ArtefactLoadError('network', `could not reach ${url}`);
  }
  if (response.status === 404) throw new ArtefactLoadError('not-found', `${url} was not found`);
  if (!response.ok) throw new ArtefactLoadError('network', `${url} answered ${response.status}`);
  return response;
}

import { artefactSchema, type Artefact } from '@vitrine/core';

/** A failure the viewer can show to a visitor: `message` is plain, `kind` drives the wording. */
export class ArtefactLoadError extends Error {
  override name = 'ArtefactLoadError';
  constructor(
    readonly kind: 'not-found' | 'network' | 'invalid',
    message: string,
  ) {
    super(message);
  }
}

/**
 * Fetches and validates an artefact manifest. The manifest is untrusted input: anything
 * that does not match core's schema is refused rather than half-shown.
 */
export async function fetchArtefact(url: string, signal?: AbortSignal): Promise<Artefact> {
  let response: Response;
  try {
    response = await fetch(url, { signal });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ArtefactLoadError('network', `could not reach ${url}`);
  }
  if (response.status === 404) throw new ArtefactLoadError('not-found', `${url} was not found`);
  if (!response.ok) throw new ArtefactLoadError('network', `${url} answered ${response.status}`);
  let json: unknown;
  try {
    json = await response.json();
  } catch {
    throw new ArtefactLoadError('invalid', `${url} is not valid JSON`);
  }
  const parsed = artefactSchema.safeParse(json);
  if (!parsed.success) throw new ArtefactLoadError('invalid', `${url} is not a valid artefact manifest`);
  return parsed.data;
}

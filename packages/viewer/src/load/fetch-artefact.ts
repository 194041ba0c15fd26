import { artefactSchema, type Artefact } from '@vitrine/core';
import { ArtefactLoadError } from './artefact-load-error.js';
import { fetchOrExplain } from './fetch-or-explain.js';

/**
 * Fetches and validates an artefact manifest. The manifest is untrusted input: anything
 * that does not match core's schema is refused rather than half-shown.
 */
export async function fetchArtefact(url: string, signal?: AbortSignal): Promise<Artefact> {
  const response = await fetchOrExplain(url, signal);
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

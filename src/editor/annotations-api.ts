import { annotationsDocumentSchema, type AnnotationsDocument } from '@vitrine/core';

/** Talks to `vitrine serve --edit`: the artefact's annotations, read and saved whole. */
export async function loadAnnotations(artefactId: string, token: string): Promise<AnnotationsDocument> {
  return annotationsDocumentSchema.parse(await request(artefactId, token, { method: 'GET' }));
}

export async function saveAnnotations(
  artefactId: string,
  token: string,
  document: AnnotationsDocument,
): Promise<AnnotationsDocument> {
  const saved = await request(artefactId, token, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(document),
  });
  return annotationsDocumentSchema.parse(saved);
}

/** The server's one-line refusal, for the curator to read. */
export class EditRefused extends Error {
  override name = 'EditRefused';
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function request(artefactId: string, token: string, init: RequestInit): Promise<unknown> {
  const url = new URL(`api/artefacts/${encodeURIComponent(artefactId)}/annotations`, document.baseURI);
  const response = await fetch(url, {
    ...init,
    headers: { ...init.headers, authorization: `Bearer ${token}` },
    cache: 'no-store',
  });
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const message = (body as { error?: unknown } | undefined)?.error;
    throw new EditRefused(response.status, typeof message === 'string' ? message : `HTTP ${response.status}`);
  }
  return body;
}

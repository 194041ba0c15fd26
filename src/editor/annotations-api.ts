import { annotationsDocumentSchema, type AnnotationsDocument } from '@vitrine/core';

/**
 * An artefact's annotations as the server had them, with the version (its ETag) they
 * were read or saved at. A save names the version it started from, so that the server
 * can refuse it when someone else saved in between, instead of silently overwriting.
 */
export interface VersionedAnnotations {
  document: AnnotationsDocument;
  etag: string;
}

/** Talks to `vitrine serve --edit`: the artefact's annotations, read and saved whole. */
export async function loadAnnotations(artefactId: string, token: string): Promise<VersionedAnnotations> {
  return versioned(await request(artefactId, token, { method: 'GET' }));
}

/** Saves `document` over the version `basedOn`; a 412 EditRefused when that is no longer the one on disk. */
export async function saveAnnotations(
  artefactId: string,
  token: string,
  document: AnnotationsDocument,
  basedOn: string,
): Promise<VersionedAnnotations> {
  const saved = await request(artefactId, token, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', 'if-match': basedOn },
    body: JSON.stringify(document),
  });
  return versioned(saved);
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

interface Answer {
  body: unknown;
  etag: string | null;
}

function versioned({ body, etag }: Answer): VersionedAnnotations {
  // Without a version the next save could not be checked, so the editor refuses to go on.
  if (!etag) throw new Error('the server sent no ETag with the annotations; it is older than this editor');
  return { document: annotationsDocumentSchema.parse(body), etag };
}

async function request(artefactId: string, token: string, init: RequestInit): Promise<Answer> {
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
  return { body, etag: response.headers.get('etag') };
}

import type { IncomingMessage, ServerResponse } from 'node:http';
import { bearerTokenCheck } from './edit-bearer-token.js';
import { locateArtefact } from './edit-locate-artefact.js';
import { readAnnotationsForEdit } from './edit-read-annotations.js';
import { readJsonBody } from './edit-read-json-body.js';
import { EditRefusal } from './edit-refusal.js';
import { decodeArtefactId, matchEditRoute } from './edit-route.js';
import { refuseCrossSiteRequest } from './edit-same-origin.js';
import { saveAnnotations } from './edit-save-annotations.js';
import { sendJson } from './edit-send-json.js';
import { validateAnnotationsForSave } from './edit-validate-annotations.js';

export interface AnnotationEditOptions {
  /** The collection folder, holding index.json. */
  collectionDir: string;
  /** The secret every request must carry as `Authorization: Bearer <token>`. */
  token: string;
  /** The largest document accepted, in bytes (default 1 MB: 500 annotations of plain text fit). */
  maxBodyBytes?: number;
}

export const ANNOTATION_EDIT_DEFAULTS = Object.freeze({ maxBodyBytes: 1_000_000 });

/** Handles a request itself (true) or leaves it to the static files (false). */
export type AnnotationEditHandler = (request: IncomingMessage, response: ServerResponse) => Promise<boolean>;

/**
 * The annotation editor's API, for `vitrine serve --edit` to mount before its static files:
 *
 *   GET /api/artefacts/<id>/annotations   the artefact's annotations (an empty document when it has none)
 *   PUT /api/artefacts/<id>/annotations   replace them with the JSON body; answers the saved document
 *
 * Every /api/ request is checked in this order, and a refused one changes nothing on disk:
 * Host not localhost or a foreign Origin 403, no or wrong bearer token 401, unknown path
 * 404, other method 405, id not a slug 400, unknown artefact 404, body not
 * application/json 415, larger than maxBodyBytes 413, not JSON or not a valid document
 * 422. Answers are JSON (`{ "error": "<one line>" }` when refused), never cached.
 */
export function createAnnotationEditHandler(options: AnnotationEditOptions): AnnotationEditHandler {
  const { collectionDir, maxBodyBytes = ANNOTATION_EDIT_DEFAULTS.maxBodyBytes } = options;
  const requireToken = bearerTokenCheck(options.token);
  // Saves run one after another: two at once could both copy the same "previous" version.
  let saving: Promise<unknown> = Promise.resolve();
  const serially = <T>(task: () => Promise<T>): Promise<T> => {
    const run = saving.then(task);
    saving = run.catch(() => undefined);
    return run;
  };

  return async (request, response) => {
    const route = matchEditRoute(request.url);
    if (route === undefined) return false;
    try {
      refuseCrossSiteRequest(request);
      requireToken(request);
      if (route.kind === 'unknown') throw new EditRefusal(404, 'the editor’s API has no such path');
      if (request.method !== 'GET' && request.method !== 'PUT') {
        throw new EditRefusal(405, `${request.method} is not allowed here; use GET or PUT`, { allow: 'GET, PUT' });
      }
      const artefactId = decodeArtefactId(route.rawId);
      if (request.method === 'GET') {
        const location = await locateArtefact(collectionDir, artefactId);
        sendJson(response, 200, await readAnnotationsForEdit(location));
        return true;
      }
      const location = await locateArtefact(collectionDir, artefactId);
      const body = await readJsonBody(request, maxBodyBytes);
      const document = await validateAnnotationsForSave(body, location.folder);
      // Located again inside the queue: a save just before may have given the manifest its annotations.
      await serially(async () => saveAnnotations(await locateArtefact(collectionDir, artefactId), document));
      sendJson(response, 200, document);
    } catch (error) {
      if (error instanceof EditRefusal) {
        sendJson(response, error.status, { error: error.message }, error.headers);
      } else {
        sendJson(response, 500, { error: `internal error: ${(error as Error).message}` });
      }
    }
    return true;
  };
}

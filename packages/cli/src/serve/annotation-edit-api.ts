import type { IncomingMessage, ServerResponse } from 'node:http';
import { annotationsVersion, isScanError, saveArtefactAnnotationsLocked, withCollectionLock } from '@vitrine/pipeline';
import { bearerTokenCheck } from './edit-bearer-token.js';
import { locateArtefact } from './edit-locate-artefact.js';
import { currentAnnotationsVersion, readAnnotationsForEdit } from './edit-read-annotations.js';
import { readJsonBody } from './edit-read-json-body.js';
import { EditRefusal } from './edit-refusal.js';
import { decodeArtefactId, matchEditRoute } from './edit-route.js';
import { refuseCrossSiteRequest } from './edit-same-origin.js';
import { sendJson } from './edit-send-json.js';
import { validateAnnotationsForSave } from './edit-validate-annotations.js';

export interface AnnotationEditOptions {
  /** The collection folder, holding index.json. */
  collectionDir: string;
  /** The secret every request must carry as `Authorization: Bearer <token>`. */
  token: string;
  /** The largest document accepted, in bytes (default 1 MB: 500 annotations of plain text fit). */
  maxBodyBytes?: number;
  /** How long a save waits for a re-ingest that holds the collection lock before answering 409. */
  lockWaitMs?: number;
}

export const ANNOTATION_EDIT_DEFAULTS = Object.freeze({ maxBodyBytes: 1_000_000, lockWaitMs: 5_000 });

/** Handles a request itself (true) or leaves it to the static files (false). */
export type AnnotationEditHandler = (request: IncomingMessage, response: ServerResponse) => Promise<boolean>;

/**
 * The annotation editor's API, for `vitrine serve --edit` to mount before its static files:
 *
 *   GET /api/artefacts/<id>/annotations   the artefact's annotations (an empty document when it has none),
 *                                         with their version as a strong ETag
 *   PUT /api/artefacts/<id>/annotations   replace them with the JSON body, if `If-Match` names the version
 *                                         on disk; answers the saved document and its new ETag
 *
 * Every /api/ request is checked in this order, and a refused one changes nothing on disk:
 * Host not localhost or a foreign Origin 403, no or wrong bearer token 401, unknown path
 * 404, other method 405, id not a slug 400, unknown artefact 404, PUT without If-Match
 * 428, body not application/json 415, larger than maxBodyBytes 413, not JSON or not a
 * valid document 422, If-Match not the version on disk 412 (someone else saved), a
 * re-ingest holding the collection lock past lockWaitMs 409. Answers are JSON
 * (`{ "error": "<one line>" }` when refused), never cached.
 *
 * A save holds the collection lock from its version check to its last write, so it can
 * neither slip between two editors' reads and writes nor land in a folder a re-ingest is
 * swapping out; the ingest, in turn, carries the saved file over under the same lock.
 */
export function createAnnotationEditHandler(options: AnnotationEditOptions): AnnotationEditHandler {
  const {
    collectionDir,
    maxBodyBytes = ANNOTATION_EDIT_DEFAULTS.maxBodyBytes,
    lockWaitMs = ANNOTATION_EDIT_DEFAULTS.lockWaitMs,
  } = options;
  const requireToken = bearerTokenCheck(options.token);

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
        const { document, version } = await readAnnotationsForEdit(location);
        sendJson(response, 200, document, { etag: version });
        return true;
      }
      const location = await locateArtefact(collectionDir, artefactId);
      const basedOn = requireIfMatch(request);
      const body = await readJsonBody(request, maxBodyBytes);
      const document = await validateAnnotationsForSave(body, location.folder);
      const saved = await withCollectionLock(
        collectionDir,
        async () => {
          // Located again under the lock: a re-ingest may have replaced the folder meanwhile.
          const current = await locateArtefact(collectionDir, artefactId);
          if (!basedOn.includes(await currentAnnotationsVersion(current))) {
            throw new EditRefusal(
              412,
              'someone else saved this artefact’s annotations since you opened them; reload to see their changes',
            );
          }
          return saveArtefactAnnotationsLocked(
            {
              manifestFile: current.manifestFile,
              manifestJson: current.manifestJson,
              annotationsFile: current.annotationsFile,
              named: current.manifest.annotations !== undefined,
            },
            document,
          );
        },
        { waitMs: lockWaitMs },
      );
      sendJson(response, 200, document, { etag: annotationsVersion(saved) });
    } catch (error) {
      if (error instanceof EditRefusal) {
        sendJson(response, error.status, { error: error.message }, error.headers);
      } else if (isScanError(error) && error.code === 'collection-busy') {
        sendJson(response, 409, {
          error: 'this artefact is being re-ingested; nothing was saved, try saving again in a moment',
        });
      } else {
        sendJson(response, 500, { error: `internal error: ${(error as Error).message}` });
      }
    }
    return true;
  };
}

/**
 * The versions a save is based on, from `If-Match`: a save must say which version it
 * edits, or it could overwrite one its author never saw. `*` is refused too: it would
 * match any version, which is the lost update this header is here to prevent.
 */
function requireIfMatch(request: IncomingMessage): string[] {
  const header = request.headers['if-match'];
  const tags = (header ?? '')
    .split(',')
    .map((tag) => tag.trim())
    .filter((tag) => tag.startsWith('"'));
  if (tags.length === 0) {
    throw new EditRefusal(
      428,
      'a save must send If-Match with the ETag of the annotations it edits; load them first, then save',
    );
  }
  return tags;
}

import path from 'node:path';
import { ANNOTATIONS_FILE, ARTEFACT_FILE, INDEX_FILE } from '@vitrine/core';
import { cacheControlFor } from '../site/response-headers.js';
import type { PlannedFile } from './plan-upload.js';

/**
 * The stages of a publish, in order; each finishes before the next starts. A file is
 * uploaded only after every file it names, so a visitor (or a CDN) who reads the bucket at
 * any moment of a publish, or after one that failed anywhere, finds every named file there
 * with the bytes its manifest says:
 *
 * 1. `files`: derivatives, posters and annotation media (named by their content, so new
 *    ones sit beside the old without replacing them), and every other file no document
 *    or page will name until later: decoders, the build's hashed assets.
 * 2. `annotations`: annotations.json, which names media.
 * 3. `manifests`: artefact.json, which names derivatives, the poster and annotations.json.
 * 4. `index`: index.json, which names manifests and posters.
 * 5. `revalidated`: other files always revalidated (the kiosk settings, the app's JSON
 *    such as XR controller profiles, the web manifest), which the app reads by fixed name.
 * 6. `entry points`: the app's pages and its service worker, which load all of the above.
 */
export const UPLOAD_STAGES = ['files', 'annotations', 'manifests', 'index', 'revalidated', 'entry points'] as const;
export type UploadStage = (typeof UPLOAD_STAGES)[number];

/** The stage a file is uploaded in, by its path in the folder. */
export function uploadStage(sitePath: string): UploadStage {
  const name = path.posix.basename(sitePath);
  if (name === ANNOTATIONS_FILE) return 'annotations';
  if (name === ARTEFACT_FILE) return 'manifests';
  if (name === INDEX_FILE) return 'index';
  if (cacheControlFor(sitePath) !== 'no-cache') return 'files';
  return /\.html$/i.test(name) || name === 'sw.js' ? 'entry points' : 'revalidated';
}

/** The uploads grouped by stage, in the order the stages run; empty stages left out. */
export function uploadsInStages(uploads: readonly PlannedFile[]): PlannedFile[][] {
  const stages = UPLOAD_STAGES.map(() => [] as PlannedFile[]);
  for (const upload of uploads) stages[UPLOAD_STAGES.indexOf(uploadStage(upload.file.sitePath))]!.push(upload);
  return stages.filter((stage) => stage.length > 0);
}

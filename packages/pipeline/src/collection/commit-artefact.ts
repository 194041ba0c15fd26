import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ARTEFACT_FILE, annotationMediaFiles, annotationsDocumentSchema, type Artefact } from '@vitrine/core';
import { nameMediaByContent } from '../annotations-ingest-hashed-media.js';
import { replaceFolder } from '../write/atomic.js';
import { encodeArtefactManifest, readArtefactManifest } from './artefact-manifest.js';
import { collectionEntryFor, putIndexEntryLocked } from './collection-index.js';
import { withCollectionLock } from './collection-lock.js';
import { refuseOtherSource } from './refuse-other-source.js';

export interface CommitOptions {
  /** Replace an artefact of the same id made from another scan (`--replace`). */
  replace?: boolean;
  /**
   * The staging folder already holds annotations the curator gave with this ingest; else
   * the artefact's current annotations are carried over from the collection.
   */
  annotationsGiven: boolean;
}

/**
 * Puts a finished artefact into the collection, as one step under the collection lock:
 * refuse if its id now belongs to another scan, carry over the annotations the artefact
 * has at this moment (an editor may have saved while this ingest was deriving), write
 * artefact.json (once), swap the folder in, and list it in index.json. Returns the
 * manifest as written.
 */
export async function commitArtefact(
  collection: string,
  staging: string,
  artefact: Artefact,
  options: CommitOptions,
): Promise<Artefact> {
  return withCollectionLock(collection, async () => {
    const existing = await readArtefactManifest(collection, artefact.id);
    refuseOtherSource(existing, artefact.source, { id: artefact.id, replace: options.replace });
    const manifest = structuredClone(artefact);
    if (!options.annotationsGiven && existing?.annotations) {
      const carried = await carryAnnotations(path.join(collection, artefact.id), staging, existing.annotations);
      if (carried) {
        manifest.annotations = existing.annotations;
        if (existing.source.sha256 !== artefact.source.sha256) {
          manifest.warnings.push(
            `${artefact.source.file}: kept the annotations of the scan it replaces (${existing.source.file}); check in the editor that they still sit on this one`,
          );
        }
      }
    }
    await writeFile(path.join(staging, ARTEFACT_FILE), encodeArtefactManifest(manifest));
    await replaceFolder(staging, path.join(collection, artefact.id));
    await putIndexEntryLocked(collection, collectionEntryFor(manifest));
    return manifest;
  });
}

/**
 * Copies the annotations file and the media it names from the artefact's current folder
 * into the staging folder. Media still under a plain name (written before names carried
 * their content hash, or by hand) get content-hashed names, and the document is rewritten
 * to name them; otherwise its bytes are carried as they are, so its version (the editor's
 * ETag) does not change. A file the curator broke by hand is carried as it is: it is
 * theirs, and the viewer names the problem. False when there is no file to carry.
 */
async function carryAnnotations(current: string, staging: string, name: string): Promise<boolean> {
  const bytes = await readFile(path.join(current, name)).catch(() => undefined);
  if (!bytes) return false;
  const parsed = annotationsDocumentSchema.safeParse(safeJson(bytes));
  if (!parsed.success) {
    await writeInside(staging, name, bytes);
    return true;
  }
  const media = new Map<string, Uint8Array>();
  for (const file of annotationMediaFiles(parsed.data)) {
    const content = await readFile(path.join(current, file)).catch(() => undefined);
    // A medium already missing stays missing: the viewer leaves it out, as it did before.
    if (content) media.set(file, content);
  }
  const hashed = nameMediaByContent(parsed.data, media);
  const renamed = [...hashed.media.keys()].some((file) => !media.has(file));
  await writeInside(staging, name, renamed ? `${JSON.stringify(hashed.document, null, 2)}\n` : bytes);
  for (const [file, content] of hashed.media) {
    // Media names carry their content hash: one already there has the same bytes.
    await writeInside(staging, file, content, 'wx').catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'EEXIST') throw error;
    });
  }
  return true;
}

async function writeInside(folder: string, name: string, data: Uint8Array | string, flag = 'w'): Promise<void> {
  const file = path.join(folder, name);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, data, { flag });
}

function safeJson(bytes: Uint8Array): unknown {
  try {
    return JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    return undefined;
  }
}

import path from 'node:path';
import { CONTENT_HASH_LENGTH, contentHashedName, type AnnotationsDocument } from '@vitrine/core';
import { sha256 } from './sha256.js';

/** What an artefact's folder receives: the document naming its media by content, and those media. */
export interface HashedAnnotationMedia {
  document: AnnotationsDocument;
  /** Bytes by their content-hashed path in the artefact folder. */
  media: Map<string, Uint8Array>;
}

/**
 * Gives each image, recording and captions file a name that carries its content hash, in
 * the folder the curator kept it in (`images/lid.svg` → `images/lid.3f2a9c01b7de.svg`),
 * and rewrites the document to name those. A cache may then keep a medium for a year: a
 * changed image is a new URL, and the annotations.json naming it is always revalidated.
 *
 * A name that already carries its content's hash is kept: annotations carried over by a
 * re-ingest (or edited in `vitrine serve --edit`) come from an artefact folder, named so.
 */
export function nameMediaByContent(
  document: AnnotationsDocument,
  media: ReadonlyMap<string, Uint8Array>,
): HashedAnnotationMedia {
  const renamed = new Map<string, string>();
  const hashed = new Map<string, Uint8Array>();
  for (const [file, content] of media) {
    const name = hashedMediaName(file, sha256(content));
    renamed.set(file, name);
    hashed.set(name, content);
  }
  const rename = (file: string) => renamed.get(file) ?? file;
  return {
    document: {
      ...document,
      annotations: document.annotations.map((annotation) => {
        const { image, audio } = annotation.body;
        return {
          ...annotation,
          body: {
            ...annotation.body,
            ...(image ? { image: { ...image, url: rename(image.url) } } : {}),
            ...(audio ? { audio: { ...audio, url: rename(audio.url), captions: rename(audio.captions) } } : {}),
          },
        };
      }),
    },
    media: hashed,
  };
}

function hashedMediaName(file: string, sha256Hex: string): string {
  const folder = path.posix.dirname(file);
  const base = path.posix.basename(file);
  const extension = /\.[A-Za-z0-9]+$/.exec(base)?.[0];
  const stem = extension ? base.slice(0, -extension.length) : base;
  if (path.posix.extname(stem) === `.${sha256Hex.slice(0, CONTENT_HASH_LENGTH)}`) return file;
  // A leading dot would hide the file from servers and from publish, as every dot-name is.
  const visibleStem = stem.replace(/^\.+/, '') || 'medium';
  // The extension in lower case, so `LID.PNG` is recognised as hashed (by caches, by the
  // publish order) as `lid.png` is; servers and browsers read extensions without regard to
  // case. A name without a plain extension is served as bytes, as it was before.
  const name = contentHashedName(visibleStem, sha256Hex, extension ? extension.toLowerCase() : 'bin');
  return folder === '.' ? name : `${folder}/${name}`;
}

/**
 * The collection's layout on disk and on a web server: the one place that names its
 * files. Every part (pipeline, CLI, viewer, app, service worker) takes names from here.
 *
 * ```
 * <collection>/index.json                      the gallery: one entry an artefact
 * <collection>/vitrine.config.json             the curator's settings (profiles, kiosk)
 * <collection>/<id>/artefact.json              the artefact's manifest
 * <collection>/<id>/annotations.json           the curator's annotations (edited in place)
 * <collection>/<id>/<stem>.<hash>.<ext>        derivatives, poster, annotation media
 * ```
 *
 * The JSON files keep fixed names and are always revalidated; every file they name carries
 * its content hash, so a URL never changes meaning and may be cached for a year.
 */
export const INDEX_FILE = 'index.json';
export const COLLECTION_CONFIG_FILE = 'vitrine.config.json';
export const ARTEFACT_FILE = 'artefact.json';
export const ANNOTATIONS_FILE = 'annotations.json';
/** The stem of the poster's file name (`poster.<hash>.webp`). */
export const POSTER_STEM = 'poster';

/** Hex digits of the sha256 kept in a content-hashed name: 48 bits, no clash in one folder. */
export const CONTENT_HASH_LENGTH = 12;

const CONTENT_HASHED_NAME = new RegExp(`\\.[0-9a-f]{${CONTENT_HASH_LENGTH}}\\.[a-z0-9]+$`);

/**
 * `mobile` + sha256 + `glb` → `mobile.3f2a9c01b7de.glb`. The hash is of the file's bytes,
 * so the name changes whenever the content does.
 */
export function contentHashedName(stem: string, sha256Hex: string, extension: string): string {
  return `${stem}.${sha256Hex.slice(0, CONTENT_HASH_LENGTH)}.${extension.replace(/^\./, '')}`;
}

/** Whether a file's name carries its content hash, so it never changes under that name. */
export function isContentHashedName(file: string): boolean {
  return CONTENT_HASHED_NAME.test(file.split('/').pop() ?? '');
}

/** Where an artefact's manifest lies, relative to the collection. */
export function artefactManifestPath(id: string): string {
  return `${id}/${ARTEFACT_FILE}`;
}

import { ArtefactLoadError } from './artefact-load-error.js';

/**
 * Resolves a file named by a manifest (artefact.json, annotations.json, index.json)
 * against that manifest's URL, and refuses any result outside the manifest's folder.
 *
 * The manifest may be a third party's (`<vitrine-viewer src>` takes any URL), and core's
 * schema is the first guard, not the only one: this checks what `new URL` actually made
 * of the name, after it dropped tabs and line breaks, read `\` as `/` and `%2e%2e` as
 * `..`. A file is inside when the result has the folder's origin, its path starts with
 * the folder's path, and it carries no query, fragment or credentials of its own. Encoded
 * dots, slashes and backslashes after the folder are refused too: a server that decodes
 * them before it normalizes the path would climb where this check saw no climb.
 *
 * `baseUrl` is what a relative `manifestUrl` is relative to (the document's base URI in a
 * page); passed in so the rule runs without a document. Throws an ArtefactLoadError of
 * kind `invalid`, which the viewer shows as its load error.
 */
export function resolveInsideManifest(manifestUrl: string, file: string, baseUrl: string): string {
  const manifest = new URL(manifestUrl, baseUrl);
  const folder = new URL('./', manifest);
  const resolved = parseOrUndefined(file, manifest);
  if (!resolved || !isInside(resolved, folder)) {
    // JSON.stringify shows a hidden line break as \n and keeps the message on one line.
    throw new ArtefactLoadError(
      'invalid',
      `${manifest.href} names ${JSON.stringify(file)}, which is not a file inside ${folder.href}; the viewer loads only files beside their manifest`,
    );
  }
  return resolved.href;
}

function isInside(resolved: URL, folder: URL): boolean {
  if (!resolved.pathname.startsWith(folder.pathname) || resolved.pathname === folder.pathname) return false;
  if (/%(?:2e|2f|5c)/i.test(resolved.pathname.slice(folder.pathname.length))) return false;
  // The folder's own origin and credentials with the file's path: any other difference
  // (host, port, scheme, user, even an empty `?` or `#`) shows in the href.
  const expected = new URL(folder);
  expected.pathname = resolved.pathname;
  return expected.href === resolved.href;
}

/** `URL.parse`, which Safari gained only in 18. */
function parseOrUndefined(file: string, base: URL): URL | undefined {
  try {
    return new URL(file, base);
  } catch {
    return undefined;
  }
}

/**
 * resolveInsideManifest for what can be left out rather than fail the artefact: a poster,
 * an annotation's image or recording, an AR link. `undefined` where the file is refused.
 */
export function resolveInsideManifestOrSkip(manifestUrl: string, file: string, baseUrl: string): string | undefined {
  try {
    return resolveInsideManifest(manifestUrl, file, baseUrl);
  } catch {
    return undefined;
  }
}

import { realpath } from 'node:fs/promises';
import path from 'node:path';
import { ScanError } from '../errors.js';

/**
 * Resolves a URI found inside a scan (a glTF buffer or image, an OBJ mtllib, an MTL map)
 * to a file inside the scan's own folder. A URL, an absolute path or a path that climbs
 * out of the folder (directly or through a symbolic link) is refused before anything is
 * read: a scan from an unknown source must not make us read the curator's other files.
 */
export async function resolveInsideFolder(
  folder: string,
  uri: string,
  referencedFrom: string,
  /** glTF URIs are percent-encoded ("my%20scan.bin"); OBJ, MTL and PLY names are plain text ("50%.jpg"). */
  encoding: 'uri' | 'plain' = 'plain',
): Promise<string> {
  const refuse = (why: string) =>
    new ScanError(
      `${path.basename(referencedFrom)} refers to "${uri}", ${why}; keep the scan's files in its own folder and refer to them by relative paths`,
      'unsafe-path',
    );
  let decoded = uri;
  if (encoding === 'uri') {
    try {
      decoded = decodeURIComponent(uri);
    } catch {
      throw refuse('which is not a valid file reference');
    }
  }
  if (/^[a-z][a-z0-9+.-]*:/i.test(decoded) && !/^[a-z]:[\\/]/i.test(decoded)) {
    throw refuse('a URL, which is never fetched');
  }
  if (path.isAbsolute(decoded) || path.win32.isAbsolute(decoded) || decoded.startsWith('\\')) {
    throw refuse('an absolute path');
  }
  const root = path.resolve(folder);
  const candidate = path.resolve(root, decoded.replaceAll('\\', '/'));
  if (!isInside(root, candidate)) throw refuse('a path outside the scan folder');
  const real = await realpath(candidate).catch(() => candidate);
  const realRoot = await realpath(root).catch(() => root);
  if (!isInside(realRoot, real)) throw refuse('a link to a file outside the scan folder');
  return candidate;
}

function isInside(root: string, candidate: string): boolean {
  const relative = path.relative(root, candidate);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

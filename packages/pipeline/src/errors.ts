/**
 * An error the curator can act on: `message` is one line that says what is wrong with
 * their file and what to do about it. Anything that is not a ScanError is a bug of ours
 * and is reported as such (with its stack only under --debug).
 */
export class ScanError extends Error {
  override name = 'ScanError';
  constructor(
    message: string,
    /** A stable machine-readable reason, for --json output and tests. */
    readonly code: ScanErrorCode,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export type ScanErrorCode =
  | 'unsupported-format'
  /** A format we read, in a version we do not (glTF 1.0, a GLB of version 1). */
  | 'unsupported-version'
  | 'ambiguous-archive'
  | 'empty-file'
  | 'unreadable'
  | 'corrupt'
  | 'missing-resource'
  | 'unsafe-path'
  | 'too-large'
  | 'no-geometry'
  | 'invalid-geometry'
  | 'invalid-options'
  | 'validator-errors'
  /** Another command holds the collection's lock for too long. */
  | 'collection-busy'
  /** The id is taken by an artefact made from another scan. */
  | 'id-taken';

export function isScanError(error: unknown): error is ScanError {
  return error instanceof ScanError;
}

/** A failure the viewer can show to a visitor: `message` is plain, `kind` drives the wording. */
export class ArtefactLoadError extends Error {
  override name = 'ArtefactLoadError';
  constructor(
    readonly kind: 'not-found' | 'network' | 'invalid',
    message: string,
  ) {
    super(message);
  }
}

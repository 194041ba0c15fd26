/** A failure the curator can do something about: its message is the one line they are shown. */
export class PublishError extends Error {
  override name = 'PublishError';
}

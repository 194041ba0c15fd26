/** A problem with the collection being exported, told to the curator in one line. */
export class AnnotationsExportError extends Error {
  override name = 'AnnotationsExportError';
}

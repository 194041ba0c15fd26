import type { AnnotationBody } from '@vitrine/core';
import mime from 'mime';
import type { AnnotationBodyResource, TextualBody } from './web-annotation-types.js';

/**
 * The bodies of one annotation, in the order a reader shows them: the title in each
 * language, the text in each language, then the image and the recording.
 *
 * The title is a TextualBody with purpose "identifying": the model defines that purpose
 * as saying what the target is, which is what a hotspot's title does ("The handle"). The
 * model has no `name` or `title` for an Annotation, and a body keeps the title's
 * languages, which one `label` string could not. The text is "describing", as Markdown.
 */
export function toAnnotationBodies(body: AnnotationBody, fileIri: (file: string) => string): AnnotationBodyResource[] {
  const bodies: AnnotationBodyResource[] = [
    ...textualBodies(body.title, 'identifying', 'text/plain'),
    ...textualBodies(body.text, 'describing', 'text/markdown'),
  ];
  if (body.image) {
    bodies.push({
      id: fileIri(body.image.url),
      type: 'Image',
      purpose: 'describing',
      ...formatOf(body.image.url),
      'vitrine:alt': body.image.alt,
    });
  }
  if (body.audio) {
    bodies.push({
      id: fileIri(body.audio.url),
      type: 'Audio',
      purpose: 'describing',
      ...formatOf(body.audio.url),
      language: body.audio.language,
      'vitrine:captions': {
        id: fileIri(body.audio.captions),
        type: 'Text',
        format: 'text/vtt',
        language: body.audio.language,
      },
    });
  }
  return bodies;
}

function textualBodies(
  text: Record<string, string>,
  purpose: TextualBody['purpose'],
  format: TextualBody['format'],
): TextualBody[] {
  return Object.entries(text).map(([language, value]) => ({ type: 'TextualBody', purpose, value, language, format }));
}

/** A format only where the extension tells it: a guessed one would mislead more than none. */
function formatOf(file: string): { format?: string } {
  const format = mime.getType(file);
  return format ? { format } : {};
}

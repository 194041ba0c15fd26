import { annotationMediaFiles, annotationsDocumentSchema, isContentHashedName } from '@vitrine/core';
import { describe, expect, it } from 'vitest';
import { nameMediaByContent } from './annotations-ingest-hashed-media.js';
import { sha256 } from './sha256.js';

const bytes = (text: string) => new TextEncoder().encode(text);
const hash12 = (text: string) => sha256(bytes(text)).slice(0, 12);

function documentNaming(image: string, audio: string, captions: string) {
  return annotationsDocumentSchema.parse({
    schemaVersion: 1,
    layers: [{ id: 'notes', label: { en: 'Notes' }, colour: '#7a3b1d' }],
    annotations: [
      {
        id: 'lid',
        layer: 'notes',
        order: 0,
        target: { position: [0, 1, 0], normal: [0, 1, 0] },
        body: { title: { en: 'Lid' }, text: { en: 'x' }, image: { url: image, alt: { en: 'Lid' } } },
      },
      {
        id: 'tap',
        layer: 'notes',
        order: 1,
        target: { position: [0, 0.5, 0], normal: [1, 0, 0] },
        body: { title: { en: 'Tap' }, text: { en: 'x' }, audio: { url: audio, captions } },
      },
    ],
  });
}

describe('nameMediaByContent', () => {
  it('names each medium by its content, in its folder, and the document names those files', () => {
    const document = documentNaming('images/LID.SVG', 'tap.wav', 'tap.en.vtt');
    const media = new Map([
      ['images/LID.SVG', bytes('<svg/>')],
      ['tap.wav', bytes('RIFF')],
      ['tap.en.vtt', bytes('WEBVTT\n')],
    ]);
    const result = nameMediaByContent(document, media);
    const expected = [
      `images/LID.${hash12('<svg/>')}.svg`,
      `tap.${hash12('RIFF')}.wav`,
      `tap.en.${hash12('WEBVTT\n')}.vtt`,
    ];
    expect(annotationMediaFiles(result.document)).toEqual(expected);
    expect([...result.media.keys()]).toEqual(expected);
    expect(expected.every(isContentHashedName)).toBe(true);
    expect(new TextDecoder().decode(result.media.get(expected[1]!))).toBe('RIFF');
    // Still a document the viewer accepts; the curator's document is left as it was.
    expect(annotationsDocumentSchema.safeParse(result.document).success).toBe(true);
    expect(annotationMediaFiles(document)).toEqual(['images/LID.SVG', 'tap.wav', 'tap.en.vtt']);
  });

  it('gives changed bytes a new name, and keeps a name that already carries its hash', () => {
    const first = nameMediaByContent(documentNaming('lid.svg', 'a.wav', 'a.vtt'), new Map([['lid.svg', bytes('1')]]));
    const second = nameMediaByContent(documentNaming('lid.svg', 'a.wav', 'a.vtt'), new Map([['lid.svg', bytes('2')]]));
    const [firstName] = first.media.keys();
    expect(firstName).not.toBe([...second.media.keys()][0]);
    // Carried over from the artefact folder by a re-ingest: not `lid.<hash>.<hash>.svg`.
    const again = nameMediaByContent(first.document, new Map([[firstName!, bytes('1')]]));
    expect([...again.media.keys()]).toEqual([firstName]);
    expect(annotationMediaFiles(again.document)[0]).toBe(firstName);
  });

  it('keeps hashed names visible and recognisable for odd names', () => {
    const result = nameMediaByContent(
      documentNaming('.hidden.png', 'recording', 'a.vtt'),
      new Map([
        ['.hidden.png', bytes('png')],
        ['recording', bytes('wav')],
      ]),
    );
    expect([...result.media.keys()]).toEqual([`hidden.${hash12('png')}.png`, `recording.${hash12('wav')}.bin`]);
  });
});

/** The Web Annotation vocabulary's JSON-LD context; readers of the model look for it first. */
export const WEB_ANNOTATION_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

/**
 * Where vitrine's own terms live. A URN rather than an https URL: we own no domain to
 * publish a vocabulary under, and a URL that does not resolve would promise more than a
 * name. It ends in ":" so that JSON-LD 1.1 accepts `vitrine` as a prefix.
 */
export const VITRINE_VOCABULARY = 'urn:vitrine:vocab:';

/**
 * The export's `@context`: the Web Annotation context first (the model allows more
 * contexts after it), then the few terms the model has no word for:
 *
 * - `vitrine:PointSelector`: the model's selectors address text, media fragments and SVG
 *   regions, none of them a point on a 3D surface (a FragmentSelector would need a media
 *   fragment syntax for 3D, and none is standardised). The selector carries
 *   `vitrine:position` and `vitrine:normal` in the artefact's space (metres, Y up, as in
 *   the glTF derivatives) and, when the curator set one, the camera view as
 *   `vitrine:cameraPosition` and `vitrine:cameraTarget`. The coordinates are `@list`s:
 *   JSON-LD arrays are unordered sets otherwise, and x, y, z must keep their order.
 * - `vitrine:Layer`, `vitrine:layers`, `vitrine:layer`: the curator's groups
 *   ("Decoration", "Conservation"). The model's AnnotationCollection cannot nest, and the
 *   export's one collection already holds the artefacts, so layers are described once and
 *   each annotation points at its layer by IRI.
 * - `vitrine:alt`: an image body's text alternative, by language; the model has no alt text.
 * - `vitrine:captions`: the WebVTT captions of a recording body.
 */
export const EXPORT_CONTEXT = Object.freeze([
  WEB_ANNOTATION_CONTEXT,
  Object.freeze({
    vitrine: VITRINE_VOCABULARY,
    'vitrine:layers': { '@container': '@list' },
    'vitrine:layer': { '@type': '@id' },
    'vitrine:artefact': { '@type': '@id' },
    'vitrine:position': { '@container': '@list' },
    'vitrine:normal': { '@container': '@list' },
    'vitrine:cameraPosition': { '@container': '@list' },
    'vitrine:cameraTarget': { '@container': '@list' },
    'vitrine:alt': { '@container': '@language' },
  }),
]);

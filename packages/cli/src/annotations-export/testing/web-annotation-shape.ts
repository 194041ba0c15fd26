import { languageTagSchema } from '@vitrine/core';
import { VITRINE_VOCABULARY, WEB_ANNOTATION_CONTEXT } from '../export-context.js';

/**
 * The terms of http://www.w3.org/ns/anno.jsonld (the 2017 Recommendation's context) that
 * a document may use as keys, and its class and motivation names. Without a JSON-LD
 * library, checking keys against these catches what a processor would silently turn into
 * a relative IRI or drop: a misspelt term, a class the context does not define ("Sound").
 */
// prettier-ignore
const ANNO_PROPERTIES = new Set([
  'id', 'type', 'body', 'target', 'source', 'selector', 'state', 'scope', 'refinedBy', 'startSelector', 'endSelector',
  'renderedVia', 'creator', 'generator', 'rights', 'homepage', 'via', 'canonical', 'stylesheet', 'cached', 'conformsTo',
  'items', 'partOf', 'first', 'last', 'next', 'prev', 'audience', 'motivation', 'purpose', 'textDirection',
  'accessibility', 'bodyValue', 'format', 'language', 'processingLanguage', 'value', 'exact', 'prefix', 'suffix',
  'styleClass', 'name', 'email', 'email_sha1', 'nickname', 'label', 'created', 'modified', 'generated', 'sourceDate',
  'sourceDateStart', 'sourceDateEnd', 'start', 'end', 'total', 'startIndex',
]);
// prettier-ignore
const ANNO_CLASSES = new Set([
  'Annotation', 'Dataset', 'Image', 'Video', 'Audio', 'Text', 'TextualBody', 'ResourceSelection', 'SpecificResource',
  'FragmentSelector', 'CssSelector', 'XPathSelector', 'TextQuoteSelector', 'TextPositionSelector',
  'DataPositionSelector', 'SvgSelector', 'RangeSelector', 'TimeState', 'HttpRequestState', 'CssStylesheet', 'Choice',
  'Person', 'Software', 'Organization', 'AnnotationCollection', 'AnnotationPage', 'Audience',
]);
// prettier-ignore
const MOTIVATIONS = new Set([
  'assessing', 'bookmarking', 'classifying', 'commenting', 'describing', 'editing', 'highlighting', 'identifying',
  'linking', 'moderating', 'questioning', 'replying', 'reviewing', 'tagging',
]);
const VALUE_OBJECT_KEYS = new Set(['@value', '@language']);
const ABSOLUTE_IRI = /^[a-z][a-z0-9+.-]*:[^\s<>"{}|\\^`]+$/i;
const IRI_VALUED = new Set(['source', 'partOf', 'vitrine:layer', 'vitrine:artefact']);
const LIST_TERMS = ['vitrine:position', 'vitrine:normal', 'vitrine:cameraPosition', 'vitrine:cameraTarget'];

/**
 * Every way the document falls short of well-formed Web Annotation JSON-LD, as readable
 * lines ("first.items[0].body[1]: ..."); empty when it is well formed.
 */
export function webAnnotationShapeProblems(document: unknown): string[] {
  const problems: string[] = [];
  const report = (where: string, problem: string) => problems.push(`${where || '(root)'}: ${problem}`);
  if (!isObject(document)) return ['(root): not a JSON object'];

  const context = document['@context'];
  const extension = Array.isArray(context) ? context[1] : undefined;
  if (!Array.isArray(context) || context[0] !== WEB_ANNOTATION_CONTEXT) {
    report('@context', `must start with ${WEB_ANNOTATION_CONTEXT}`);
  }
  if (!isObject(extension) || extension.vitrine !== VITRINE_VOCABULARY) {
    report('@context[1]', 'must define the vitrine prefix');
  }
  const languageMaps = new Set(
    Object.entries(isObject(extension) ? extension : {})
      .filter(([, definition]) => isObject(definition) && definition['@container'] === '@language')
      .map(([term]) => term),
  );
  for (const term of LIST_TERMS) {
    const definition = isObject(extension) ? extension[term] : undefined;
    if (!isObject(definition) || definition['@container'] !== '@list') report('@context[1]', `${term} must be a @list`);
  }

  const ids = new Map<string, string>();
  const walk = (node: unknown, where: string): void => {
    if (Array.isArray(node)) {
      node.forEach((item, index) => walk(item, `${where}[${index}]`));
      return;
    }
    if (!isObject(node)) return;
    for (const [key, value] of Object.entries(node)) {
      const here = where ? `${where}.${key}` : key;
      if (key === '@context') {
        if (where !== '') report(here, 'only the top object carries a @context');
        continue;
      }
      if (VALUE_OBJECT_KEYS.has(key)) continue;
      if (key.startsWith('vitrine:')) {
        if (!/^vitrine:[A-Za-z]+$/.test(key)) report(here, 'not a vitrine term');
      } else if (!ANNO_PROPERTIES.has(key)) {
        report(here, `"${key}" is not a term of the Web Annotation context`);
      }
      if (key === 'id') {
        if (typeof value !== 'string' || !ABSOLUTE_IRI.test(value))
          report(here, `not an absolute IRI: ${String(value)}`);
        else if (ids.has(value)) report(here, `id ${value} is also the id of ${ids.get(value)}`);
        else ids.set(value, here);
      }
      if (key === 'type' && !(typeof value === 'string' && (ANNO_CLASSES.has(value) || value.startsWith('vitrine:')))) {
        report(here, `${String(value)} is not a class the context defines`);
      }
      if ((key === 'motivation' || key === 'purpose') && !MOTIVATIONS.has(String(value))) {
        report(here, `${String(value)} is not a Web Annotation motivation`);
      }
      if ((key === 'language' || key === '@language') && !languageTagSchema.safeParse(value).success) {
        report(here, `${String(value)} is not a BCP 47 language tag`);
      }
      if (key === 'created' && (typeof value !== 'string' || Number.isNaN(Date.parse(value)))) {
        report(here, 'not an xsd:dateTime');
      }
      if (IRI_VALUED.has(key) && (typeof value !== 'string' || !ABSOLUTE_IRI.test(value))) {
        report(here, 'must be an absolute IRI');
      }
      if (LIST_TERMS.includes(key) && !isVector(value)) report(here, 'must be three finite numbers');
      if (languageMaps.has(key)) {
        if (!isLanguageMap(value)) report(here, 'must map language tags to text');
        continue;
      }
      walk(value, here);
    }
  };
  walk(document, '');
  return problems;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isLanguageMap(value: unknown): boolean {
  return (
    isObject(value) &&
    Object.entries(value).every(([tag, text]) => languageTagSchema.safeParse(tag).success && typeof text === 'string')
  );
}

function isVector(value: unknown): boolean {
  return Array.isArray(value) && value.length === 3 && value.every((n) => typeof n === 'number' && Number.isFinite(n));
}

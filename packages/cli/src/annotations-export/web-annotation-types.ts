import type { LanguageText } from '@vitrine/core';
import type { EXPORT_CONTEXT } from './export-context.js';

/** The JSON-LD shapes the export writes: W3C Web Annotation, with vitrine's terms where it has none. */

/** A JSON-LD value object: how `label` (rdfs:label) carries text in one language. */
export interface LanguageValue {
  '@value': string;
  '@language': string;
}

export interface TextualBody {
  type: 'TextualBody';
  purpose: 'identifying' | 'describing';
  value: string;
  language: string;
  format: 'text/plain' | 'text/markdown';
}

export interface ImageBody {
  id: string;
  /** `Image` is the context's name for dctypes:StillImage. */
  type: 'Image';
  purpose: 'describing';
  format?: string;
  'vitrine:alt': LanguageText;
}

export interface AudioBody {
  id: string;
  /** anno.jsonld names dctypes:Sound `Audio` (the model's prose says "Sound", which the context lacks). */
  type: 'Audio';
  purpose: 'describing';
  format?: string;
  language: string;
  'vitrine:captions': { id: string; type: 'Text'; format: 'text/vtt'; language: string };
}

export type AnnotationBodyResource = TextualBody | ImageBody | AudioBody;

export type Vector3 = [number, number, number];

export interface PointSelector {
  type: 'vitrine:PointSelector';
  'vitrine:position': Vector3;
  'vitrine:normal': Vector3;
  'vitrine:cameraPosition'?: Vector3;
  'vitrine:cameraTarget'?: Vector3;
}

export interface PointTarget {
  type: 'SpecificResource';
  /** The artefact: its manifest, whose derivatives all share the selector's coordinates. */
  source: string;
  selector: PointSelector;
}

export interface WebAnnotation {
  id: string;
  type: 'Annotation';
  motivation: 'describing';
  created?: string;
  /** An Agent: a bare string here would be read as an IRI (creator is `@type: @id`). */
  creator?: { name: string };
  'vitrine:layer': string;
  body: AnnotationBodyResource[];
  target: PointTarget;
}

export interface LayerDescription {
  id: string;
  type: 'vitrine:Layer';
  label: LanguageValue[];
  'vitrine:artefact': string;
  'vitrine:colour': string;
  'vitrine:visible': boolean;
}

export interface AnnotationPage {
  id: string;
  type: 'AnnotationPage';
  partOf: string;
  startIndex: 0;
  items: WebAnnotation[];
}

export interface WebAnnotationCollection {
  '@context': typeof EXPORT_CONTEXT;
  id: string;
  type: 'AnnotationCollection';
  label?: LanguageValue[];
  total: number;
  'vitrine:layers': LayerDescription[];
  /** Absent when there are no annotations: the model asks for `first` only when there are some. */
  first?: AnnotationPage;
}

import { annotationsDocumentSchema } from '@vitrine/core';
import { describe, expect, it } from 'vitest';
import {
  annotationsReducer,
  initialAnnotationsState,
  visibleTour,
  type AnnotationsAction,
  type AnnotationsState,
} from './annotations-reducer.js';

const document = annotationsDocumentSchema.parse({
  schemaVersion: 1,
  layers: [
    { id: 'decoration', label: { en: 'Decoration' }, colour: '#8a2f12' },
    { id: 'conservation', label: { en: 'Conservation' }, colour: '#1d5c87', visible: false },
  ],
  annotations: [
    ['c', 3, 'decoration'],
    ['a', 1, 'decoration'],
    ['hidden', 2, 'conservation'],
    ['b', 2, 'decoration'],
  ].map(([id, order, layer]) => ({
    id,
    layer,
    order,
    target: { position: [0, 0, 0], normal: [0, 0, 1] },
    body: { title: { en: String(id) }, text: { en: '' } },
  })),
});

const run = (...actions: AnnotationsAction[]): AnnotationsState =>
  actions.reduce(annotationsReducer, initialAnnotationsState(document));

describe('the annotations state', () => {
  it('starts closed, in tour order, with the curator’s hidden layers hidden', () => {
    const state = run();
    expect(state.tour.map((a) => a.id)).toEqual(['a', 'hidden', 'b', 'c']);
    expect(visibleTour(state).map((a) => a.id)).toEqual(['a', 'b', 'c']);
    expect(state.openId).toBeUndefined();
  });

  it('steps through the visible annotations and wraps around', () => {
    expect(run({ type: 'step', direction: 1, by: 'tour' }).openId).toBe('a');
    expect(run({ type: 'step', direction: -1, by: 'tour' }).openId).toBe('c');
    const last = run({ type: 'open', id: 'c', by: 'hotspot' }, { type: 'step', direction: 1, by: 'keys' });
    expect(last).toMatchObject({ openId: 'a', openedBy: 'keys' });
    expect(run({ type: 'open', id: 'a', by: 'hotspot' }, { type: 'step', direction: 1, by: 'keys' }).openId).toBe('b');
  });

  it('shows the layer of an annotation opened by a link, and closes one whose layer is hidden', () => {
    const linked = run({ type: 'open', id: 'hidden', by: 'link' });
    expect(linked.openId).toBe('hidden');
    expect(linked.hiddenLayers.has('conservation')).toBe(false);
    const hidden = annotationsReducer(linked, { type: 'layer', id: 'conservation', visible: false });
    expect(hidden.openId).toBeUndefined();
    expect(run({ type: 'open', id: 'nope', by: 'link' }).openId).toBeUndefined();
  });

  it('plays from the start, advances, stops after the last, and stops when closed', () => {
    const playing = run({ type: 'play', playing: true });
    expect(playing).toMatchObject({ playing: true, openId: 'a', openedBy: 'tour' });
    const atEnd = [1, 2].reduce<AnnotationsState>((state) => annotationsReducer(state, { type: 'advance' }), playing);
    expect(atEnd).toMatchObject({ playing: true, openId: 'c' });
    expect(annotationsReducer(atEnd, { type: 'advance' })).toMatchObject({ playing: false, openId: 'c' });
    expect(annotationsReducer(playing, { type: 'close' })).toMatchObject({ playing: false, openId: undefined });
    // Part-way through, Play goes on from where the visitor is.
    expect(run({ type: 'open', id: 'b', by: 'hotspot' }, { type: 'play', playing: true }).openId).toBe('b');
  });
});

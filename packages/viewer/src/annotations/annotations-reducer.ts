import { annotationsInTourOrder, type Annotation, type AnnotationsDocument } from '@vitrine/core';

/** What opened an annotation: it decides where keyboard focus goes. */
/** Who opened an annotation: `xr` for a controller or a hand in VR or AR. */
export type OpenedBy = 'hotspot' | 'keys' | 'tour' | 'link' | 'xr';

export interface AnnotationsState {
  /** Every annotation in tour order; each one's number is its place here plus one. */
  tour: readonly Annotation[];
  /** Layers the visitor has switched off (at first, those the curator hid). */
  hiddenLayers: ReadonlySet<string>;
  openId: string | undefined;
  openedBy: OpenedBy | undefined;
  /** The guided tour advances by itself while this is true. */
  playing: boolean;
}

export type AnnotationsAction =
  | { type: 'open'; id: string; by: OpenedBy }
  | { type: 'close' }
  | { type: 'step'; direction: 1 | -1; by: OpenedBy }
  | { type: 'layer'; id: string; visible: boolean }
  | { type: 'play'; playing: boolean }
  /** The autoplay timer: next annotation, or stop after the last. */
  | { type: 'advance' };

export function initialAnnotationsState(document: AnnotationsDocument | undefined): AnnotationsState {
  return {
    tour: document ? annotationsInTourOrder(document) : [],
    hiddenLayers: new Set(document?.layers.filter((layer) => !layer.visible).map((layer) => layer.id)),
    openId: undefined,
    openedBy: undefined,
    playing: false,
  };
}

/** The annotations whose layer is on, in tour order: what hotspots, tour and keys go through. */
export function visibleTour(state: AnnotationsState): Annotation[] {
  return state.tour.filter((annotation) => !state.hiddenLayers.has(annotation.layer));
}

/**
 * The annotations' state machine, kept pure so that its rules are tested without a
 * browser: the tour wraps around when the visitor steps, autoplay stops after the last
 * annotation, and closing a panel or hiding its layer stops autoplay.
 */
export function annotationsReducer(state: AnnotationsState, action: AnnotationsAction): AnnotationsState {
  switch (action.type) {
    case 'open': {
      const annotation = state.tour.find((candidate) => candidate.id === action.id);
      if (!annotation) return state;
      // A deep link may name an annotation of a hidden layer: show the layer rather than refuse.
      const hiddenLayers = state.hiddenLayers.has(annotation.layer)
        ? new Set([...state.hiddenLayers].filter((layer) => layer !== annotation.layer))
        : state.hiddenLayers;
      return { ...state, hiddenLayers, openId: annotation.id, openedBy: action.by };
    }
    case 'close':
      return state.openId === undefined && !state.playing
        ? state
        : { ...state, openId: undefined, openedBy: undefined, playing: false };
    case 'step': {
      const list = visibleTour(state);
      if (list.length === 0) return state;
      const index = list.findIndex((annotation) => annotation.id === state.openId);
      const next =
        index < 0
          ? action.direction > 0
            ? 0
            : list.length - 1
          : (index + action.direction + list.length) % list.length;
      return { ...state, openId: list[next]!.id, openedBy: action.by };
    }
    case 'layer': {
      const hiddenLayers = new Set(state.hiddenLayers);
      if (action.visible) hiddenLayers.delete(action.id);
      else hiddenLayers.add(action.id);
      const open = state.tour.find((annotation) => annotation.id === state.openId);
      const closes = open !== undefined && hiddenLayers.has(open.layer);
      return closes
        ? { ...state, hiddenLayers, openId: undefined, openedBy: undefined, playing: false }
        : { ...state, hiddenLayers };
    }
    case 'play': {
      if (!action.playing) return { ...state, playing: false };
      const list = visibleTour(state);
      if (list.length === 0) return state;
      // Play starts from the top unless the visitor is part-way through.
      const index = list.findIndex((annotation) => annotation.id === state.openId);
      const restart = index < 0 || index === list.length - 1;
      return restart ? { ...state, playing: true, openId: list[0]!.id, openedBy: 'tour' } : { ...state, playing: true };
    }
    case 'advance': {
      if (!state.playing) return state;
      const list = visibleTour(state);
      const index = list.findIndex((annotation) => annotation.id === state.openId);
      if (index < 0 || index === list.length - 1) return { ...state, playing: false };
      return { ...state, openId: list[index + 1]!.id, openedBy: 'tour' };
    }
  }
}

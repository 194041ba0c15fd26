import { pickText, type AnnotationLayer } from '@vitrine/core';
import type { ViewerMessages } from '../i18n/messages.js';

export interface AnnotationLayerTogglesProps {
  layers: readonly AnnotationLayer[];
  hiddenLayers: ReadonlySet<string>;
  languages: readonly string[];
  messages: ViewerMessages;
  onChange: (id: string, visible: boolean) => void;
}

/** A labelled checkbox for each layer, its colour as on its hotspots. */
export function AnnotationLayerToggles({
  layers,
  hiddenLayers,
  languages,
  messages,
  onChange,
}: AnnotationLayerTogglesProps) {
  return (
    <fieldset className="vitrine-annotation-layers">
      <legend>{messages.layers}</legend>
      <div className="vitrine-annotation-layer-list">
        {layers.map((layer) => (
          <label key={layer.id} data-layer-id={layer.id}>
            <input
              type="checkbox"
              checked={!hiddenLayers.has(layer.id)}
              onChange={(event) => onChange(layer.id, event.currentTarget.checked)}
            />
            <span className="vitrine-annotation-swatch" style={{ background: layer.colour }} aria-hidden="true" />
            {pickText(layer.label, languages)}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

import { pickText, type AnnotationLayer } from '@vitrine/core';
import type { ViewerMessages } from '../../i18n/messages.js';
import { XrButton3D } from './XrButton3D.js';
import { XrText } from './XrText.js';

export interface VrMenuProps {
  position: [number, number, number];
  layers: readonly AnnotationLayer[];
  hiddenLayers: ReadonlySet<string>;
  languages: readonly string[];
  /** The languages the visitor can switch to (the viewer's own), and the one in use. */
  languageChoices: readonly string[];
  language: string;
  messages: ViewerMessages;
  onLayer: (id: string, visible: boolean) => void;
  onLanguage: (language: string) => void;
  onStep: (direction: 1 | -1) => void;
  onReset: () => void;
  onExit: () => void;
}

const ROW = 0.055;

/**
 * The small menu in front of the plinth, tilted up like a lectern: the tour's previous and
 * next, a switch a layer, the language, putting the artefact back, and leaving VR. Rows of
 * plates, so a ray or a fingertip finds each one.
 */
export function VrMenu(props: VrMenuProps) {
  const { position, layers, hiddenLayers, languages, languageChoices, language, messages } = props;
  return (
    <group position={position} rotation={[-Math.PI / 5, 0, 0]} name="vr-menu">
      <XrButton3D
        label="◀"
        position={[-0.19, 0, 0]}
        width={0.08}
        onSelect={() => props.onStep(-1)}
        name="vr-menu-previous"
      />
      <XrText position={[-0.07, 0, 0]} fontSize={0.018} maxWidth={0.14}>
        {messages.tour}
      </XrText>
      <XrButton3D label="▶" position={[0.05, 0, 0]} width={0.08} onSelect={() => props.onStep(1)} name="vr-menu-next" />
      <XrButton3D
        label={messages.xrReset}
        position={[0.2, 0, 0]}
        width={0.16}
        onSelect={props.onReset}
        name="vr-reset"
      />
      {layers.map((layer, index) => (
        <XrButton3D
          key={layer.id}
          label={pickText(layer.label, languages)}
          position={[-0.19 + (index % 3) * 0.19, -ROW * (1 + Math.floor(index / 3)), 0]}
          width={0.18}
          pressed={!hiddenLayers.has(layer.id)}
          onSelect={() => props.onLayer(layer.id, hiddenLayers.has(layer.id))}
          name={`vr-layer-${layer.id}`}
        />
      ))}
      {languageChoices.map((choice, index) => (
        <XrButton3D
          key={choice}
          label={choice.toUpperCase()}
          position={[-0.2 + index * 0.075, -ROW * (2 + Math.floor(Math.max(0, layers.length - 1) / 3)), 0]}
          width={0.065}
          pressed={choice === language}
          onSelect={() => props.onLanguage(choice)}
          name={`vr-language-${choice}`}
        />
      ))}
      <XrButton3D
        label={messages.exitXr}
        position={[0.2, -ROW * (2 + Math.floor(Math.max(0, layers.length - 1) / 3)), 0]}
        width={0.16}
        onSelect={props.onExit}
        name="vr-exit"
      />
    </group>
  );
}

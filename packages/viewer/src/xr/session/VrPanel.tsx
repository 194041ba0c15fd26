import { pickText, type Annotation } from '@vitrine/core';
import { useMemo } from 'react';
import type { ViewerMessages } from '../../i18n/messages.js';
import { markdownToPlainText } from './plain-text.js';
import { XrButton3D } from './XrButton3D.js';
import { XrText } from './XrText.js';

export interface VrPanelProps {
  annotation: Annotation;
  number: number;
  total: number;
  languages: readonly string[];
  messages: ViewerMessages;
  position: [number, number, number];
  onClose: () => void;
  onStep: (direction: 1 | -1) => void;
}

const WIDTH = 0.56;
const HEIGHT = 0.5;
/** Longer texts are cut with an ellipsis: a headset panel is for reading a paragraph, not an essay. */
const MAX_CHARACTERS = 900;

/**
 * The open annotation's title and text on a panel beside the artefact, at reading distance
 * and turned towards the visitor's start position, with close and previous/next buttons.
 * Text is sized for a headset (about 20 mm capitals at 0.8 m), dark on light like the
 * browser's panel.
 */
export function VrPanel({ annotation, number, total, languages, messages, position, onClose, onStep }: VrPanelProps) {
  const title = `${number}. ${pickText(annotation.body.title, languages)}`;
  const text = useMemo(() => {
    const plain = markdownToPlainText(pickText(annotation.body.text, languages));
    return plain.length > MAX_CHARACTERS ? `${plain.slice(0, MAX_CHARACTERS - 1)}…` : plain;
  }, [annotation, languages]);
  return (
    <group position={position} name="vr-annotation-panel" userData={{ annotationId: annotation.id }}>
      <mesh>
        <planeGeometry args={[WIDTH, HEIGHT]} />
        <meshBasicMaterial color="#fbfaf7" toneMapped={false} />
      </mesh>
      <XrText
        position={[-WIDTH / 2 + 0.03, HEIGHT / 2 - 0.035, 0.001]}
        anchorX="left"
        anchorY="top"
        fontSize={0.03}
        maxWidth={WIDTH - 0.06}
      >
        {title}
      </XrText>
      <XrText
        position={[-WIDTH / 2 + 0.03, HEIGHT / 2 - 0.1, 0.001]}
        anchorX="left"
        anchorY="top"
        fontSize={0.019}
        lineHeight={1.35}
        maxWidth={WIDTH - 0.06}
        clipRect={[0, -(HEIGHT - 0.17), WIDTH, 0]}
      >
        {text}
      </XrText>
      <XrButton3D
        label="◀"
        position={[-WIDTH / 2 + 0.07, -HEIGHT / 2 + 0.04, 0.002]}
        width={0.1}
        onSelect={() => onStep(-1)}
        name="vr-previous"
      />
      <XrText position={[0, -HEIGHT / 2 + 0.04, 0.001]} fontSize={0.018}>
        {messages.tourPosition(number, total)}
      </XrText>
      <XrButton3D
        label="▶"
        position={[WIDTH / 2 - 0.19, -HEIGHT / 2 + 0.04, 0.002]}
        width={0.1}
        onSelect={() => onStep(1)}
        name="vr-next"
      />
      <XrButton3D
        label={messages.close}
        position={[WIDTH / 2 - 0.07, -HEIGHT / 2 + 0.04, 0.002]}
        width={0.1}
        onSelect={onClose}
        name="vr-close"
      />
    </group>
  );
}

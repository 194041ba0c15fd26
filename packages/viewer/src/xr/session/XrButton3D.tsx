import type { ThreeEvent } from '@react-three/fiber';
import { useRef, useState } from 'react';
import { XrText } from './XrText.js';

export interface XrButton3DProps {
  label: string;
  position: [number, number, number];
  width?: number;
  height?: number;
  /** Shown pressed (a layer that is on, the language in use). */
  pressed?: boolean;
  onSelect: () => void;
  name?: string;
}

/**
 * A button in the 3D menu: a plate and its label, selected with a controller ray, a hand's
 * pinch or a tap. Acts on pointer up over the plate, not on click: an emulated or shaky
 * select can move past R3F's click threshold between down and up.
 */
export function XrButton3D({
  label,
  position,
  width = 0.12,
  height = 0.045,
  pressed,
  onSelect,
  name,
}: XrButton3DProps) {
  const [hovered, setHovered] = useState(false);
  // A ref, not state: the release may come before React has rendered the press.
  const down = useRef(false);
  const stop = (event: ThreeEvent<PointerEvent>) => event.stopPropagation();
  return (
    // Handlers on the group: the label lies in front of the plate and takes the ray first.
    <group
      position={position}
      name={name}
      onPointerOver={(event) => (stop(event), setHovered(true))}
      onPointerOut={() => (setHovered(false), (down.current = false))}
      onPointerDown={(event) => (stop(event), (down.current = true))}
      onPointerUp={(event) => {
        stop(event);
        if (down.current) onSelect();
        down.current = false;
      }}
    >
      <mesh>
        <planeGeometry args={[width, height]} />
        <meshBasicMaterial color={pressed ? '#1f1d1a' : hovered ? '#d9d3c7' : '#f4f1ea'} toneMapped={false} />
      </mesh>
      <XrText
        position={[0, 0, 0.001]}
        fontSize={height * 0.42}
        maxWidth={width * 0.92}
        color={pressed ? '#ffffff' : '#1f1d1a'}
      >
        {label}
      </XrText>
    </group>
  );
}

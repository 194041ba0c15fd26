import { Text } from '@react-three/drei';
import { Suspense, type ComponentProps } from 'react';
// Inter (SIL Open Font License) covers the Latin, Latin Extended (Polish ą ę ł ń ó ś ź ż,
// French and Italian accents), Greek and Cyrillic letters in one file. troika, which drei's
// <Text> uses, fetches any glyph its font lacks from a CDN: one font that has them all
// keeps the panel's text from ever leaving the site. Vite copies the file beside the code.
import interUrl from '@expo-google-fonts/inter/400Regular/Inter_400Regular.ttf?url&no-inline';

export type XrTextProps = Omit<ComponentProps<typeof Text>, 'font'>;

/**
 * Text drawn in 3D (VR panels, labels), in the font that ships with the viewer. Each text
 * waits for the font in its own Suspense boundary: drei's <Text> suspends until troika has
 * the font, and without a boundary of its own that would hide, and remount, the whole
 * stage around it.
 */
export function XrText(props: XrTextProps) {
  return (
    <Suspense fallback={null}>
      <Text font={interUrl} anchorX="center" anchorY="middle" color="#1f1d1a" {...props} />
    </Suspense>
  );
}

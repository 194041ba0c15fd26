/**
 * The three.js classes that may appear as lowercase JSX elements (`<mesh>`, `<group>`) in
 * the viewer and in the pmndrs components it uses (drei's Html, Billboard; @react-three/xr).
 *
 * R3F's `<Canvas>` registers its catalogue of elements with `extend(THREE)`, the whole
 * namespace, which keeps every class of three in the bundle (~37 kB gzip more on the
 * visitor's first load). R3F's documented way out is a catalogue of one's own: the build
 * (tools/vite/three-catalogue.ts) gives `<Canvas>` this module in place of `three`, so
 * the bundler keeps only what the renderer, the loaders and these need. A class missing
 * here fails loudly ("X is not part of the THREE namespace"): three-catalogue.test.ts
 * checks that every element the code and those components use is listed.
 */
export {
  BoxGeometry,
  CircleGeometry,
  Color,
  DirectionalLight,
  Group,
  HemisphereLight,
  Mesh,
  MeshBasicMaterial,
  MeshStandardMaterial,
  PlaneGeometry,
  RingGeometry,
  ShaderMaterial,
  SphereGeometry,
} from 'three';

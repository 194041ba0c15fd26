import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as THREE from 'three';
import { describe, expect, it } from 'vitest';
import * as catalogue from './three-catalogue.js';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const require = createRequire(import.meta.url);
const packageDir = (name: string) => path.dirname(require.resolve(`${name}/package.json`, { paths: [ROOT] }));

function filesUnder(dir: string, extension: RegExp): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && extension.test(entry.name) && !entry.name.includes('.test.'))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

/** `meshBasicMaterial` → `MeshBasicMaterial`, when three has such a class. */
function threeClassOf(element: string): string | undefined {
  const name = element[0]!.toUpperCase() + element.slice(1);
  return name in THREE ? name : undefined;
}

/**
 * HTML and SVG elements whose names are also three classes: in our TSX these are the DOM's
 * (the annotation panel's `<audio>`, the QR code's `<path>`). None is drawn with three.
 */
const DOM_NAMESAKES = new Set(['audio', 'line', 'path']);

/** Lowercase JSX elements in our TSX. */
function ourElements(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  return [...source.matchAll(/<([a-z][A-Za-z0-9]*)[\s/>]/g)]
    .map((match) => match[1]!)
    .filter((name) => !DOM_NAMESAKES.has(name));
}

/** Elements a compiled component creates: `jsx("group", …)`, `createElement("mesh", …)`. */
function compiledElements(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  return [...source.matchAll(/(?:jsxs?|createElement)\("([a-z][A-Za-z0-9]*)"/g)].map((match) => match[1]!);
}

/** The drei components the viewer imports, as their files in drei's build. */
function dreiComponentFiles(ourFiles: string[]): string[] {
  const drei = packageDir('@react-three/drei');
  const names = new Set<string>();
  for (const file of ourFiles) {
    for (const match of readFileSync(file, 'utf8').matchAll(/import \{([^}]*)\} from '@react-three\/drei'/g)) {
      for (const name of match[1]!.split(',')) names.add(name.replace(/type\s+/, '').trim());
    }
  }
  return [...names]
    .filter((name) => /^[A-Z]/.test(name))
    .map((name) => ['core', 'web'].map((dir) => path.join(drei, dir, `${name}.js`)).find(existsSync)!);
}

describe('three catalogue', () => {
  const ours = [
    ...filesUnder(path.join(ROOT, 'packages/viewer/src'), /\.tsx$/),
    ...filesUnder(path.join(ROOT, 'src'), /\.tsx$/),
  ];
  const theirs = [
    ...dreiComponentFiles(ours),
    ...filesUnder(path.join(packageDir('@react-three/xr'), 'dist'), /\.js$/),
  ];

  it('finds the drei components the viewer uses', () => {
    expect(theirs.filter((file) => file.includes('drei')).map((file) => path.basename(file))).toContain('Html.js');
  });

  it('lists every three class used as a JSX element by the viewer, the app and their components', () => {
    const used = new Set(
      [...ours.flatMap(ourElements), ...theirs.flatMap(compiledElements)]
        .map(threeClassOf)
        .filter((name) => name !== undefined),
    );
    expect(used.size).toBeGreaterThan(5);
    const missing = [...used].filter((name) => !(name in catalogue)).sort();
    expect(missing, 'add these to three-catalogue.ts').toEqual([]);
  });

  it('exports only three classes', () => {
    for (const [name, value] of Object.entries(catalogue)) expect(value).toBe(THREE[name as keyof typeof THREE]);
  });
});

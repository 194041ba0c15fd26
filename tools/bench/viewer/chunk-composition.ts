import type { Plugin } from 'vite';

/** One built JavaScript chunk and what it is made of. */
export interface ChunkComposition {
  readonly file: string;
  readonly isEntry: boolean;
  readonly isDynamicEntry: boolean;
  /** Bytes of minified code in the file. */
  readonly bytes: number;
  /**
   * Source bytes each package contributes, after tree-shaking and before minification
   * (what the bundler reports per module): the shares, not the minified sizes.
   */
  readonly packages: readonly { readonly name: string; readonly renderedBytes: number }[];
}

/**
 * A Vite plugin that records, for every JS chunk of a build, which packages its code comes
 * from: the first thing to read when asking why the page's JavaScript is heavy. Our own
 * folders are named as `packages/<name>` and `src` (the app).
 */
export function chunkComposition(into: ChunkComposition[]): Plugin {
  return {
    name: 'vitrine-bench:chunk-composition',
    apply: 'build',
    generateBundle(_options, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk') continue;
        const sizes = new Map<string, number>();
        for (const [id, module] of Object.entries(chunk.modules)) {
          const name = packageOf(id);
          sizes.set(name, (sizes.get(name) ?? 0) + module.renderedLength);
        }
        into.push({
          file: chunk.fileName,
          isEntry: chunk.isEntry,
          isDynamicEntry: chunk.isDynamicEntry,
          bytes: Buffer.byteLength(chunk.code),
          packages: [...sizes]
            .map(([name, renderedBytes]) => ({ name, renderedBytes }))
            .filter((entry) => entry.renderedBytes > 0)
            .sort((a, b) => b.renderedBytes - a.renderedBytes),
        });
      }
    },
  };
}

/** `node_modules/@scope/name/…` → `@scope/name`; `…/packages/viewer/src/…` → `packages/viewer`. */
export function packageOf(moduleId: string): string {
  const id = moduleId.replaceAll('\\', '/');
  const dependency = id.match(/.*node_modules\/((?:@[^/]+\/)?[^/]+)/);
  if (dependency) return dependency[1]!;
  const workspace = id.match(/\/packages\/([^/]+)\//);
  if (workspace) return `packages/${workspace[1]}`;
  if (id.includes('/src/')) return 'src';
  return id.startsWith('\0') ? 'bundler runtime' : 'other';
}

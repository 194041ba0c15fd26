import path from 'node:path';
import { build } from 'esbuild';
import { BENCH_DIR, ROOT } from './sources.js';

/** Where the compiled `ours-cli` lands: inside the repository, so its npm imports resolve. */
export const OURS_CLI_BUNDLE = path.join(BENCH_DIR, 'ours-cli.mjs');

/**
 * Compiles `ours-cli.ts` and the workspace packages it imports into one ES module, the way a
 * published `@vitrine/pipeline` would ship: JavaScript, not TypeScript transpiled by tsx at
 * every start (~0.7 s of the process's wall time). npm dependencies stay external, exactly as
 * the peers' command lines load theirs from node_modules.
 */
export async function compileOursCli(): Promise<string> {
  await build({
    entryPoints: [path.join(ROOT, 'tools/bench/pipeline/ours-cli.ts')],
    outfile: OURS_CLI_BUNDLE,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'error',
    plugins: [
      {
        name: 'npm-packages-external',
        setup(builder) {
          // Bare specifiers other than our own workspaces are npm packages: leave them to Node.
          builder.onResolve({ filter: /^[^./]/ }, (args) =>
            args.path.startsWith('@vitrine/') ? undefined : { path: args.path, external: true },
          );
        },
      },
    ],
  });
  return OURS_CLI_BUNDLE;
}

import { parseArgs } from 'node:util';
import { EXIT, UsageError, type Output } from '../output.js';
import { buildSite } from '../site/build-site.js';

export const BUILD_HELP = `Usage: vitrine build <collection> --out <folder>

Writes a static website (the exhibit app and the collection) that any web server or object
store can host as it is. A folder written by an earlier build is replaced whole.

Options:
  --out <folder>  where to write the site   required

Exit status: 0 written, 1 failed (nothing changed), 2 usage error.`;

const OPTIONS = {
  out: { type: 'string' },
  debug: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

export async function buildCommand(argv: string[], output: Output): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true });
  if (values.help) {
    output.out(BUILD_HELP);
    return EXIT.ok;
  }
  if (positionals.length > 1) throw new UsageError('build one collection at a time');
  const site = await buildSite({ collection: positionals[0], out: values.out, log: (line) => output.err(line) });
  output.out(`wrote ${site.folder} (the app and ${site.artefacts} artefacts); host this folder on any web server`);
  return EXIT.ok;
}

import { parseArgs } from 'node:util';
import { EXIT, UsageError, type Output } from '../output.js';
import { serveCollection } from '../site/serve-collection.js';

export const SERVE_HELP = `Usage: vitrine serve <collection> [options]

Serves the exhibit app with a collection, as a museum's web server would (content types for
AR on phones, byte ranges, cache headers). Stop it with Ctrl+C.

Options:
  --port <number>   port to listen on (default: 8080)
  --host <address>  address to listen on (default: localhost; 0.0.0.0 lets phones on
                    the same network open it; not with --edit)
  --edit            add the annotation editor; prints the address to open, with its token

Exit status: 0 stopped, 2 usage error.`;

const OPTIONS = {
  port: { type: 'string', default: '8080' },
  host: { type: 'string', default: 'localhost' },
  edit: { type: 'boolean', default: false },
  debug: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

export async function serveCommand(argv: string[], output: Output): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true });
  if (values.help) {
    output.out(SERVE_HELP);
    return EXIT.ok;
  }
  if (positionals.length > 1) throw new UsageError('serve one collection at a time');
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new UsageError(`--port must be a number from 0 to 65535`);
  const site = await serveCollection({
    collection: positionals[0],
    port,
    host: values.host,
    edit: values.edit,
    log: (line) => output.err(line),
  });
  output.out(`serving ${positionals[0]} at ${site.url}`);
  if (site.token) {
    output.out(`editor: open ${site.url}?edit#token=${site.token}`);
    output.out('anyone with this address can change the annotations while the server runs; do not share it');
  }
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await site.close();
  return EXIT.ok;
}

import { buildCommand } from './commands/build.js';
import { exportAnnotationsCommand } from './commands/export-annotations.js';
import { ingestCommand, INGEST_HELP } from './commands/ingest.js';
import { publishCommand } from './commands/publish.js';
import { serveCommand } from './commands/serve.js';
import { EXIT, UsageError, processOutput, type Output } from './output.js';

const VERSION = '0.1.0';

const HELP = `vitrine ${VERSION}: turn 3D scans into web, VR and AR exhibits

Usage: vitrine <command> [options]

Commands:
  ingest <file...> --collection <dir>   read scans and add them to a collection
  serve <collection> [--edit]           serve the exhibit app with a collection (and its annotation editor)
  build <collection> --out <dir>        write a static website of the app and a collection
  publish <dir> --to s3://bucket/path   upload a collection or a built site to an S3-compatible store
  export-annotations <collection>       write the annotations as W3C Web Annotation JSON-LD

Run "vitrine <command> --help" for a command's options.

${INGEST_HELP}`;

type Command = (argv: string[], output: Output) => Promise<number>;

const COMMANDS: Readonly<Record<string, Command>> = {
  ingest: ingestCommand,
  serve: serveCommand,
  build: buildCommand,
  publish: publishCommand,
  'export-annotations': exportAnnotationsCommand,
};

/** Runs the command line and returns the exit code; never throws. */
export async function main(argv: string[], output: Output = processOutput): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    output.out(HELP);
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  if (name === '--version' || name === '-v') {
    output.out(VERSION);
    return EXIT.ok;
  }
  const command = COMMANDS[name];
  if (!command) {
    output.err(`vitrine: unknown command "${name}"; run "vitrine --help" for the list`);
    return EXIT.usage;
  }
  try {
    return await command(rest, output);
  } catch (error) {
    if (error instanceof UsageError || isParseArgsError(error)) {
      output.err(`vitrine ${name}: ${(error as Error).message}`);
      return EXIT.usage;
    }
    output.err(`vitrine ${name}: internal error: ${(error as Error).message}`);
    if (rest.includes('--debug') && error instanceof Error) output.err(error.stack ?? '');
    return EXIT.failed;
  }
}

function isParseArgsError(error: unknown): boolean {
  const code = (error as { code?: string } | null)?.code;
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS');
}

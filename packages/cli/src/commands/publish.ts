import { parseArgs } from 'node:util';
import { formatBytes } from '../ingest/summary.js';
import { EXIT, UsageError, type Output } from '../output.js';
import { formatS3Target, parseS3Target } from '../publish/parse-s3-target.js';
import { publishFolder } from '../publish/publish-folder.js';
import { PublishError } from '../publish/publish-error.js';
import { publishJson, publishReport } from '../publish/publish-report.js';
import { resolveEndpoint } from '../publish/resolve-endpoint.js';

export const PUBLISH_HELP = `Usage: vitrine publish <dir> --to s3://bucket/folder [options]

Uploads a collection or a built site to Amazon S3 or any S3-compatible object store (MinIO,
Cloudflare R2, Backblaze B2, ...). Only new and changed files are sent, each with the content type
and cache headers browsers and AR viewers need. Names starting with "." are left out, and so
are links that lead out of <dir>. Files go up before the documents that name them (annotations,
then artefact.json, then index.json, then the app's pages), so a publish stopped at any point
leaves every manifest in the bucket naming files that are there; publish again to finish.
Objects in the bucket folder that <dir> no longer has are listed, and deleted only with --delete,
after the new manifests are up.

Credentials come from the usual AWS settings: AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY
(with AWS_SESSION_TOKEN for temporary ones), or AWS_PROFILE; the region from AWS_REGION.

Options:
  --to <s3://bucket/folder>  where to publish                                   required
  --endpoint <url>           the store's address, for stores other than Amazon S3
                             (default: AWS_ENDPOINT_URL_S3 or AWS_ENDPOINT_URL)
  --dry-run                  list what would be uploaded, and change nothing
  --delete                   delete objects in the bucket folder that <dir> no longer has
  --verbose                  print a line for each file uploaded or deleted
  --json                     print a summary as JSON for scripts
  --debug                    show stack traces of internal errors

Exit status: 0 published, 1 the folder or the store failed, 2 usage error.`;

const OPTIONS = {
  to: { type: 'string' },
  endpoint: { type: 'string' },
  'dry-run': { type: 'boolean' },
  delete: { type: 'boolean' },
  verbose: { type: 'boolean' },
  json: { type: 'boolean' },
  debug: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

/**
 * `vitrine publish`. Its failures are reported here as one line, not left to main, so the
 * command tells the curator the same whoever calls it.
 */
export async function publishCommand(argv: string[], output: Output): Promise<number> {
  try {
    return await publish(argv, output);
  } catch (error) {
    const usage = error instanceof UsageError || isParseArgsError(error);
    if (!usage && !(error instanceof PublishError)) throw error;
    output.err(`vitrine publish: ${(error as Error).message}`);
    return usage ? EXIT.usage : EXIT.failed;
  }
}

async function publish(argv: string[], output: Output): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  if (values.help) {
    output.out(PUBLISH_HELP);
    return EXIT.ok;
  }
  const [folder, ...extra] = positionals;
  if (folder === undefined) throw new UsageError('name the folder to publish, e.g. vitrine publish collection --to …');
  if (extra.length > 0) throw new UsageError(`publish one folder at a time, not ${positionals.length}`);
  if (values.to === undefined) throw new UsageError('say where to publish with --to s3://bucket/folder');
  const target = parseS3Target(values.to);
  const endpoint = resolveEndpoint(values.endpoint);
  const dryRun = Boolean(values['dry-run']);
  const json = Boolean(values.json);
  const verbose = Boolean(values.verbose) && !json;

  const result = await publishFolder({
    folder,
    target,
    endpoint,
    dryRun,
    deleteMissing: Boolean(values.delete),
    concurrency: 4,
    onUploaded: verbose ? ({ file }) => output.out(`uploaded ${file.sitePath} (${formatBytes(file.size)})`) : undefined,
    onDeleted: verbose ? (key) => output.out(`deleted ${key.slice(target.prefix.length)}`) : undefined,
  });
  const context = {
    target: formatS3Target(target),
    folder,
    prefix: target.prefix,
    dryRun,
    deleteMissing: Boolean(values.delete),
    verbose,
  };
  if (json) output.out(JSON.stringify(publishJson(result, context), null, 2));
  else for (const line of publishReport(result, context)) output.out(line);
  return EXIT.ok;
}

function isParseArgsError(error: unknown): boolean {
  const code = (error as { code?: string } | null)?.code;
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS');
}

import { formatBytes } from '../ingest/summary.js';
import type { PublishResult } from './publish-folder.js';

/** What the report needs besides the result: what the curator asked for. */
export interface PublishReportContext {
  /** The target as typed, e.g. s3://exhibits/site. */
  target: string;
  folder: string;
  prefix: string;
  dryRun: boolean;
  deleteMissing: boolean;
  /** List every object not in the folder, not just the first few. */
  verbose: boolean;
}

/** Objects missing from the folder listed by name before "and N more". */
const LISTED_WITHOUT_VERBOSE = 10;

/** The lines a curator reads after a publish: the summary, then what the folder no longer has, then links left out. */
export function publishReport(result: PublishResult, context: PublishReportContext): string[] {
  const lines = [...summaryLines(result, context), ...notInFolderLines(result, context)];
  const { outsideLinks } = result;
  if (outsideLinks.length > 0) {
    lines.push(
      `left out ${count(outsideLinks.length, 'link')} leading out of ${context.folder} (copy the files in to publish them):`,
    );
    lines.push(...outsideLinks.map((sitePath) => `  ${sitePath}`));
  }
  return lines;
}

function summaryLines({ plan }: PublishResult, { target, folder, dryRun }: PublishReportContext): string[] {
  const lines: string[] = [];
  if (dryRun)
    for (const { file } of plan.uploads) lines.push(`would upload ${file.sitePath} (${formatBytes(file.size)})`);
  const bytes = plan.uploads.reduce((sum, { file }) => sum + file.size, 0);
  const unchanged = plan.unchanged.length;
  if (plan.uploads.length > 0) {
    const verb = dryRun ? 'would publish' : 'published';
    lines.push(
      `${verb} ${count(plan.uploads.length, 'file')} (${formatBytes(bytes)}) to ${target}; ${unchanged} unchanged`,
    );
  } else {
    lines.push(
      unchanged > 0
        ? `nothing to publish: ${target} is up to date (${count(unchanged, 'file')} unchanged)`
        : `nothing to publish: ${folder} has no files`,
    );
  }
  return lines;
}

function notInFolderLines({ plan, deleted }: PublishResult, context: PublishReportContext): string[] {
  const { target, folder, dryRun } = context;
  const missing = plan.notInFolder.map((object) => object.key.slice(context.prefix.length));
  if (missing.length === 0) return [];
  if (context.deleteMissing && !dryRun) return [`deleted ${count(deleted.length, 'object')} no longer in ${folder}`];
  const lines = [
    context.deleteMissing
      ? `would delete ${count(missing.length, 'object')} no longer in ${folder}:`
      : `kept ${count(missing.length, 'object')} in ${target} that ${folder} no longer has (--delete removes them):`,
  ];
  const shown = context.verbose || context.deleteMissing ? missing : missing.slice(0, LISTED_WITHOUT_VERBOSE);
  lines.push(...shown.map((sitePath) => `  ${sitePath}`));
  if (shown.length < missing.length) lines.push(`  … and ${missing.length - shown.length} more (--verbose lists all)`);
  return lines;
}

/** The summary for scripts (--json). In a dry run, `uploaded` lists what would be uploaded. */
export function publishJson({ plan, deleted, outsideLinks }: PublishResult, context: PublishReportContext) {
  return {
    target: context.target,
    folder: context.folder,
    dryRun: context.dryRun,
    uploaded: plan.uploads.map(({ file, key }) => ({ path: file.sitePath, key, bytes: file.size })),
    uploadedBytes: plan.uploads.reduce((sum, { file }) => sum + file.size, 0),
    unchanged: plan.unchanged.length,
    notInFolder: plan.notInFolder.map((object) => object.key),
    deleted,
    outsideLinks,
  };
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

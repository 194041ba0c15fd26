import path from 'node:path';
import { parseArgs } from 'node:util';
import { parseLength, lengthUnitSchema, type LengthUnit } from '@vitrine/core';
import {
  defaultArtefactId,
  readCollectionIndex,
  recoverInterruptedReplacements,
  type IngestOptions,
  type SizeHint,
} from '@vitrine/pipeline';
import { ProgressDisplay } from '../ingest/progress.js';
import { runIngestPool, type TaskOutcome } from '../ingest/run-pool.js';
import { formatBytes, summaryTable } from '../ingest/summary.js';
import { EXIT, UsageError, type Output } from '../output.js';

export const INGEST_HELP = `Usage: vitrine ingest <file...> --collection <dir> [options]

Reads scans (.glb, .gltf, .obj, .ply, .stl, or a .zip of one) and writes them into a collection as web-ready artefacts.
Several files are ingested in parallel, one per processor core.

Options:
  --collection <dir>    the collection folder (created when missing)   required
  --id <id>             artefact id (default: from the file name, or from its folder's
                        name for exports called model, scan, texturedMesh…; one file only)
  --title <text>        title (default: from the file name; one file only)
  --lang <tag>          language of --title (default: en)
  --annotations <file>  the curator's annotations.json (one file only)
  --creator <text>      who made the object (in the --lang language)
  --date <text>         when it was made, as the museum writes it, e.g. "c. 480 BC"
  --accession <number>  the museum's accession number
  --tag <word>          a word visitors can search by; repeat for several
  --license <spdx>      licence of the scan, e.g. CC-BY-4.0
  --attribution <text>  credit line to show with the scan
  --units <mm|cm|m|in>  the unit the scan was made in
  --height <length>     the real height, e.g. 23cm (or --width, --depth)
  --up <y|z>            which axis is up in the scan (default: y)
  --draco               compress geometry with Draco instead of meshopt
  --max-memory <GB>     the memory one ingest may use (default: 85% of this machine's);
                        a scan estimated to need more is refused before it is read
  --no-poster           do not render poster.webp (it needs Chromium)
  --force               redo even when nothing changed
  --replace             replace an artefact of the same id made from another scan
  --json                print results as JSON for scripts (progress: JSON lines on stderr)
  --debug               show stack traces of internal errors

Exit status: 0 all ingested, 1 some failed (the others are written), 2 usage error.`;

const OPTIONS = {
  collection: { type: 'string' },
  id: { type: 'string' },
  title: { type: 'string' },
  lang: { type: 'string' },
  annotations: { type: 'string' },
  creator: { type: 'string' },
  date: { type: 'string' },
  accession: { type: 'string' },
  tag: { type: 'string', multiple: true },
  license: { type: 'string' },
  attribution: { type: 'string' },
  units: { type: 'string' },
  height: { type: 'string' },
  width: { type: 'string' },
  depth: { type: 'string' },
  up: { type: 'string' },
  draco: { type: 'boolean' },
  'max-memory': { type: 'string' },
  poster: { type: 'boolean', default: true },
  force: { type: 'boolean' },
  replace: { type: 'boolean' },
  json: { type: 'boolean' },
  debug: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

export async function ingestCommand(argv: string[], output: Output): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: OPTIONS,
    allowPositionals: true,
    allowNegative: true,
    strict: true,
  });
  if (values.help) {
    output.out(INGEST_HELP);
    return EXIT.ok;
  }
  if (positionals.length === 0) throw new UsageError('name at least one scan file to ingest');
  if (!values.collection) throw new UsageError('say where the collection is with --collection <dir>');
  if (positionals.length > 1 && (values.id || values.title || values.annotations || values.accession)) {
    throw new UsageError(
      '--id, --title, --accession and --annotations are for one artefact; ingest files one at a time to use them',
    );
  }
  const language = values.lang ?? 'en';
  const up = values.up ?? 'y';
  if (up !== 'y' && up !== 'z') throw new UsageError(`--up must be y or z, not "${up}"`);
  const shared = {
    collection: values.collection,
    title: values.title,
    language: values.lang,
    ...(values.creator ? { creator: { [language]: values.creator } } : {}),
    date: values.date,
    accessionNumber: values.accession,
    tags: values.tag?.map((tag) => tag.trim()).filter(Boolean),
    annotations: values.annotations,
    license: values.license,
    attribution: values.attribution,
    size: sizeHint(values),
    up,
    force: values.force,
    replace: values.replace,
    compression: values.draco ? 'draco' : 'meshopt',
    ...(values['max-memory'] === undefined ? {} : { memoryLimit: gigabytes(values['max-memory']) }),
  } satisfies Omit<IngestOptions, 'file'>;
  const tasks = positionals.map((file) => ({ ...shared, file, id: values.id ?? defaultArtefactId(file) }));
  refuseDuplicateIds(tasks);

  const collection = values.collection;
  const progress = new ProgressDisplay(positionals, values.json ? { ...output, interactive: false } : output);
  const pool = runIngestPool(
    tasks,
    {
      onStep: (index, step) => {
        progress.update(index, `${step}…`);
        if (values.json) output.err(JSON.stringify({ event: 'step', file: positionals[index], step }));
      },
      onProgress: (index, step, done, total, unit) => {
        const detail =
          unit === 'bytes'
            ? `${Math.floor((100 * done) / total)}% (${formatBytes(done)} of ${formatBytes(total)})`
            : `(${done} of ${total} ${unit})`;
        progress.update(index, `${step} ${detail}…`);
        if (values.json) {
          output.err(JSON.stringify({ event: 'progress', file: positionals[index], step, done, total, unit }));
        }
      },
      // Each ingest lists its artefact in index.json itself, under the collection lock.
      onOutcome: (index, outcome) => progress.update(index, outcome.ok ? outcome.result.status : 'failed'),
    },
    { poster: values.poster !== false },
  );

  const interrupted = new Promise<number>((resolve) => {
    const onSignal = async () => {
      await pool.stop();
      // What the stopped workers had half-built lies beside the collection: remove it.
      await recoverInterruptedReplacements(collection, process.pid);
      progress.clear();
      output.err('vitrine ingest: interrupted; the collection is as it was before the unfinished files');
      resolve(130);
    };
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    void pool.done.finally(() => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    });
  });

  const finished = await Promise.race([pool.done, interrupted]);
  if (typeof finished === 'number') return finished;
  progress.clear();
  const outcomes = await checkListed(collection, finished);
  report(positionals, outcomes, output, Boolean(values.json), Boolean(values.debug));
  return outcomes.every((outcome) => outcome.ok) ? EXIT.ok : EXIT.failed;
}

/** `--max-memory 6` or `6GB`: gigabytes, as the curator reads them in a system monitor. */
function gigabytes(text: string): number {
  const value = Number(text.trim().replace(/\s*gb$/i, ''));
  if (!(value > 0)) throw new UsageError(`--max-memory takes a number of gigabytes, such as 6, not "${text}"`);
  return value * 1e9;
}

function report(files: string[], outcomes: TaskOutcome[], output: Output, json: boolean, debug: boolean): void {
  outcomes.forEach((outcome, index) => {
    if (outcome.ok) {
      if (outcome.result.status === 'written') {
        for (const warning of outcome.result.artefact.warnings) output.err(`vitrine: warning: ${warning}`);
      }
      return;
    }
    const message = outcome.internal ? `internal error: ${outcome.message}` : outcome.message;
    output.err(`vitrine: ${files[index]}: ${message}`);
    if (debug && outcome.stack) output.err(outcome.stack);
  });
  if (json) {
    output.out(
      JSON.stringify(
        outcomes.map((outcome, index) =>
          outcome.ok
            ? {
                file: files[index],
                ok: true,
                id: outcome.result.id,
                status: outcome.result.status,
                artefact: outcome.result.artefact,
              }
            : { file: files[index], ok: false, error: outcome.message, code: outcome.code ?? 'internal' },
        ),
        null,
        2,
      ),
    );
    return;
  }
  if (files.length === 1 && outcomes[0]?.ok) {
    const { result } = outcomes[0];
    const derivatives = result.artefact.derivatives
      .map((d) => `${d.profile} ${formatBytes(d.bytes)}, ${d.triangles.toLocaleString('en')} triangles`)
      .join('; ');
    output.out(
      result.status === 'unchanged'
        ? `${files[0]}: unchanged (${result.id}); use --force to redo it`
        : `${files[0]}: wrote ${result.id} (${derivatives})`,
    );
    return;
  }
  output.out(summaryTable(files, outcomes));
}

/**
 * What the summary says is what index.json holds: an artefact reported written or
 * unchanged is checked to be listed there now (another process may have rewritten the
 * index by hand or by an older vitrine), and reported failed when it is not.
 */
async function checkListed(collection: string, outcomes: TaskOutcome[]): Promise<TaskOutcome[]> {
  if (!outcomes.some((outcome) => outcome.ok)) return outcomes;
  const listed = new Set((await readCollectionIndex(collection)).artefacts.map((entry) => entry.id));
  return outcomes.map((outcome) =>
    !outcome.ok || listed.has(outcome.result.id)
      ? outcome
      : {
          ok: false,
          message: `${outcome.result.id} was written but is missing from index.json (another program changed it); run the same ingest again to list it`,
          code: 'not-listed',
          internal: false,
          seconds: outcome.seconds,
        },
  );
}

function refuseDuplicateIds(tasks: { file: string; id: string }[]): void {
  const seen = new Map<string, string>();
  for (const task of tasks) {
    const earlier = seen.get(task.id);
    if (earlier) {
      throw new UsageError(
        `${path.basename(earlier)} and ${path.basename(task.file)} would both become "${task.id}"; rename one or ingest them separately with --id`,
      );
    }
    seen.set(task.id, task.file);
  }
}

function sizeHint(values: { units?: string; height?: string; width?: string; depth?: string }): SizeHint | undefined {
  const given = (['height', 'width', 'depth'] as const).filter((axis) => values[axis] !== undefined);
  if (given.length + (values.units ? 1 : 0) > 1) {
    throw new UsageError('give the scan size one way only: --units, or one of --height, --width, --depth');
  }
  if (values.units) {
    const unit = lengthUnitSchema.safeParse(values.units);
    if (!unit.success) throw new UsageError(`--units must be mm, cm, m or in, not "${values.units}"`);
    return { kind: 'units', unit: unit.data as LengthUnit };
  }
  const axis = given[0];
  if (!axis) return undefined;
  const length = parseLength(values[axis]!);
  if (!length) throw new UsageError(`--${axis} needs a length with a unit, like 23cm or 0.4m, not "${values[axis]}"`);
  return { kind: 'known-length', axis, length };
}

import { parseArgs } from 'node:util';
import { parseLength, lengthUnitSchema, type LengthUnit } from '@vitrine/core';
import { ingest, isScanError, type IngestResult, type SizeHint } from '@vitrine/pipeline';
import { EXIT, UsageError, type Output } from '../output.js';

export const INGEST_HELP = `Usage: vitrine ingest <file...> --collection <dir> [options]

Reads scans (.glb, .gltf) and writes them into a collection as web-ready artefacts.

Options:
  --collection <dir>    the collection folder (created when missing)   required
  --id <id>             artefact id (default: from the file name; one file only)
  --title <text>        title (default: from the file name; one file only)
  --lang <tag>          language of --title (default: en)
  --license <spdx>      licence of the scan, e.g. CC-BY-4.0
  --attribution <text>  credit line to show with the scan
  --units <mm|cm|m|in>  the unit the scan was made in
  --height <length>     the real height, e.g. 23cm (or --width, --depth)
  --up <y|z>            which axis is up in the scan (default: y)
  --force               redo even when nothing changed
  --json                print results as JSON for scripts
  --debug               show stack traces of internal errors`;

const OPTIONS = {
  collection: { type: 'string' },
  id: { type: 'string' },
  title: { type: 'string' },
  lang: { type: 'string' },
  license: { type: 'string' },
  attribution: { type: 'string' },
  units: { type: 'string' },
  height: { type: 'string' },
  width: { type: 'string' },
  depth: { type: 'string' },
  up: { type: 'string' },
  force: { type: 'boolean' },
  json: { type: 'boolean' },
  debug: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

interface FileOutcome {
  file: string;
  ok: boolean;
  result?: IngestResult;
  error?: string;
}

export async function ingestCommand(argv: string[], output: Output): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  if (values.help) {
    output.out(INGEST_HELP);
    return EXIT.ok;
  }
  if (positionals.length === 0) throw new UsageError('name at least one scan file to ingest');
  if (!values.collection) throw new UsageError('say where the collection is with --collection <dir>');
  if (positionals.length > 1 && (values.id || values.title)) {
    throw new UsageError('--id and --title name one artefact; ingest files one at a time to use them');
  }
  const size = sizeHint(values);
  const up = values.up ?? 'y';
  if (up !== 'y' && up !== 'z') throw new UsageError(`--up must be y or z, not "${up}"`);

  const outcomes: FileOutcome[] = [];
  for (const file of positionals) {
    try {
      const result = await ingest({
        file,
        collection: values.collection,
        id: values.id,
        title: values.title,
        language: values.lang,
        license: values.license,
        attribution: values.attribution,
        size,
        up,
        force: values.force,
        onStep: output.interactive && !values.json ? (step) => output.err(`${file}: ${step}…`) : undefined,
      });
      outcomes.push({ file, ok: true, result });
      if (!values.json) output.out(describe(file, result));
    } catch (error) {
      const message = isScanError(error) ? error.message : `internal error: ${(error as Error).message ?? error}`;
      outcomes.push({ file, ok: false, error: message });
      output.err(`vitrine: ${file}: ${message}`);
      if (values.debug && error instanceof Error && error.stack) output.err(error.stack);
    }
  }
  if (values.json) output.out(JSON.stringify(outcomes.map(jsonOutcome), null, 2));
  return outcomes.every((outcome) => outcome.ok) ? EXIT.ok : EXIT.failed;
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

function describe(file: string, result: IngestResult): string {
  if (result.status === 'unchanged') return `${file}: unchanged (${result.id}); use --force to redo it`;
  const derivatives = result.artefact.derivatives
    .map((d) => `${d.profile} ${formatBytes(d.bytes)}, ${d.triangles.toLocaleString('en')} triangles`)
    .join('; ');
  return `${file}: wrote ${result.id} (${derivatives})`;
}

function jsonOutcome(outcome: FileOutcome) {
  return outcome.ok
    ? {
        file: outcome.file,
        ok: true,
        id: outcome.result!.id,
        status: outcome.result!.status,
        artefact: outcome.result!.artefact,
      }
    : { file: outcome.file, ok: false, error: outcome.error };
}

function formatBytes(bytes: number): string {
  return bytes >= 1_000_000 ? `${(bytes / 1_000_000).toFixed(2)} MB` : `${(bytes / 1000).toFixed(1)} kB`;
}

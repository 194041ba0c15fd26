import { parseArgs } from 'node:util';
import { AnnotationsExportError } from '../annotations-export/annotations-export-error.js';
import { annotationIris } from '../annotations-export/annotation-iris.js';
import { parseBaseUrl } from '../annotations-export/parse-base-url.js';
import { readCollectionAnnotations } from '../annotations-export/read-collection-annotations.js';
import { toAnnotationCollection } from '../annotations-export/to-annotation-collection.js';
import { EXIT, UsageError, type Output } from '../output.js';
import { writeFileAtomic } from '@vitrine/pipeline';

export const EXPORT_ANNOTATIONS_HELP = `Usage: vitrine export-annotations <collection> [options]

Writes the collection's annotations as W3C Web Annotation JSON-LD (an AnnotationCollection,
@context http://www.w3.org/ns/anno.jsonld), for collection management systems and other viewers.
Each point on an artefact is a vitrine:PointSelector (position and normal in metres, Y up).

Options:
  --artefact <id>   export this artefact's annotations only
  --out <file>      write to this file (replaced atomically) instead of printing
  --base <url>      where the collection is published, e.g. https://museum.example/collection/;
                    ids become URLs of the published files (default: urn:vitrine: names,
                    unique within this collection only)

Exit status: 0 exported, 1 the collection or its annotations could not be read, 2 usage error.`;

const OPTIONS = {
  artefact: { type: 'string' },
  out: { type: 'string' },
  base: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

export async function exportAnnotationsCommand(argv: string[], output: Output): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  if (values.help) {
    output.out(EXPORT_ANNOTATIONS_HELP);
    return EXIT.ok;
  }
  const [collection, ...extra] = positionals;
  if (!collection) throw new UsageError('name the collection folder, e.g. "vitrine export-annotations my-collection"');
  if (extra.length > 0) throw new UsageError(`export one collection at a time; "${extra[0]}" is one too many`);
  const base = values.base === undefined ? undefined : parseBaseUrl(values.base);

  try {
    const { index, artefacts } = await readCollectionAnnotations(collection, values.artefact);
    const iris = annotationIris({ base, onlyArtefact: values.artefact });
    const exported = toAnnotationCollection(artefacts, iris, index.title);
    const json = JSON.stringify(exported, null, 2);
    if (!values.out) {
      output.out(json);
      return EXIT.ok;
    }
    await writeOut(values.out, `${json}\n`);
    output.out(`${values.out}: ${exported.total} annotations of ${artefacts.length} artefacts`);
    return EXIT.ok;
  } catch (error) {
    if (!(error instanceof AnnotationsExportError)) throw error;
    output.err(`vitrine export-annotations: ${error.message}`);
    return EXIT.failed;
  }
}

async function writeOut(file: string, text: string): Promise<void> {
  try {
    await writeFileAtomic(file, text);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'its folder does not exist' : code === 'EISDIR' ? 'it is a folder' : code;
    throw new AnnotationsExportError(`cannot write ${file}: ${reason}`, { cause: error });
  }
}

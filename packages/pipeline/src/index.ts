export { ingest, idFromFileName, PIPELINE_VERSION, type IngestOptions, type IngestResult } from './ingest.js';
export { readScan, SUPPORTED_EXTENSIONS, type ReadScan } from './read/index.js';
export { normalize, type SizeHint, type NormalizeOptions } from './normalize.js';
export { deriveProfile, type DerivedFile } from './derive.js';
export { ScanError, isScanError, type ScanErrorCode } from './errors.js';
export { countTriangles, countVertices } from './check/count.js';
export { validateGlb } from './check/validate.js';
export { readCollectionIndex } from './write/collection-index.js';
export { getIO } from './io.js';

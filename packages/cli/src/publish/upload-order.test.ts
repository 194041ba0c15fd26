import { describe, expect, it } from 'vitest';
import type { PlannedFile } from './plan-upload.js';
import { uploadsInStages, uploadStage } from './upload-order.js';

const planned = (sitePath: string): PlannedFile => ({
  file: { sitePath, absolutePath: `/site/${sitePath}`, size: 1, md5: 'x' },
  key: sitePath,
});

describe('uploadStage', () => {
  it.each([
    ['collection/amphora/mobile.3f2a9c01b7de.glb', 'files'],
    ['collection/amphora/media/lid.00ff00ff00ff.svg', 'files'],
    ['collection/amphora/mobile.glb', 'files'],
    ['assets/index-B3xk_9Qa.js', 'files'],
    ['draco/draco_decoder.wasm', 'files'],
    ['collection/amphora/annotations.json', 'annotations'],
    ['collection/amphora/artefact.json', 'manifests'],
    ['collection/index.json', 'index'],
    ['index.json', 'index'],
    ['collection/vitrine.config.json', 'revalidated'],
    ['assets/xr-profiles/profilesList.json', 'revalidated'],
    ['manifest.webmanifest', 'revalidated'],
    ['index.html', 'entry points'],
    ['sw.js', 'entry points'],
  ])('%s goes up with the %s', (sitePath, stage) => {
    expect(uploadStage(sitePath)).toBe(stage);
  });
});

describe('uploadsInStages', () => {
  it('groups the uploads in the order the stages run, leaving out empty stages', () => {
    const stages = uploadsInStages(
      ['index.html', 'collection/index.json', 'collection/a/artefact.json', 'collection/a/thumb.0123456789ab.glb'].map(
        planned,
      ),
    );
    expect(stages.map((stage) => stage.map((upload) => upload.key))).toEqual([
      ['collection/a/thumb.0123456789ab.glb'],
      ['collection/a/artefact.json'],
      ['collection/index.json'],
      ['index.html'],
    ]);
  });
});

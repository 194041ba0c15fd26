import { describe, expect, it } from 'vitest';
import { parseMtl, parseTextureStatement } from './mtl.js';

const encode = (text: string) => new TextEncoder().encode(text);

describe('parseTextureStatement', () => {
  it('takes everything after the options as the file name, spaces included', () => {
    expect(parseTextureStatement('-bm 0.5 my  normal map.png')).toEqual({ file: 'my  normal map.png', scale: 0.5 });
    expect(parseTextureStatement('-clamp on -s 1 1 1 -o 0 0 colour.jpg')).toEqual({ file: 'colour.jpg', scale: 1 });
    expect(parseTextureStatement('-mm 0 1 -s 2 3.jpg')).toEqual({ file: '3.jpg', scale: 1 });
    expect(parseTextureStatement('texture.jpg')).toEqual({ file: 'texture.jpg', scale: 1 });
  });

  it('finds no file in a statement of options only', () => {
    expect(parseTextureStatement('-bm 1')).toBeUndefined();
    expect(parseTextureStatement('')).toBeUndefined();
  });
});

describe('parseMtl', () => {
  it('reads colours, textures and normal maps by material, whatever the keyword case', () => {
    const materials = parseMtl(
      encode(
        [
          '# exported',
          'newmtl stone surface',
          'Kd 0.5 0.25 1',
          'map_Kd stone colour.jpg',
          'map_Bump -bm 2 stone bump.jpg',
          'norm stone normal.png',
          '',
          'newmtl plain',
          'kd 1 1 1',
          'bump height.png',
        ].join('\r\n'),
      ),
      'scan.mtl',
    );
    expect([...materials.keys()]).toEqual(['stone surface', 'plain']);
    expect(materials.get('stone surface')).toEqual({
      name: 'stone surface',
      diffuseColor: [0.5, 0.25, 1],
      diffuseMap: { file: 'stone colour.jpg', scale: 1 },
      normalMap: { file: 'stone normal.png', scale: 1 },
    });
    expect(materials.get('plain')?.normalMap).toEqual({ file: 'height.png', scale: 1 });
  });
});

import type { Material, Texture, TextureInfo } from '@gltf-transform/core';
import type { EmissiveStrength } from '@gltf-transform/extensions';
import { stPrimvarName } from './usdz-mesh.js';
import { formatFloat, formatTuple, quoteString, type UsdaWriter } from './usdz-text.js';
import type { TextureUse, UsdzTextures } from './usdz-textures.js';
import { texCoordOf } from './usdz-uv.js';

type Slot = 'baseColor' | 'metallicRoughness' | 'normal' | 'occlusion' | 'emissive';

/** Package paths of a material's textures, resolved (and encoded) before any text is written. */
export type MaterialTextureFiles = Partial<Record<Slot, string>>;

export interface MaterialPrimOptions {
  /** A valid, unique prim name. */
  name: string;
  /** Absolute path of the Materials scope. */
  parentPath: string;
  /** null: glTF's default material (white, metallic 1, roughness 1). */
  material: Material | null;
  /**
   * Feed the mesh's displayColor primvar into diffuseColor (COLOR_0 and no base colour
   * texture), given the primitives' mean vertex colour; null: don't.
   */
  vertexColor: readonly [number, number, number] | null;
  files: MaterialTextureFiles;
}

const WRAP: Record<number, string> = { 10497: 'repeat', 33071: 'clamp', 33648: 'mirror' };

/** Encodes a material's textures into the package, each as its use allows. */
export async function resolveMaterialTextures(
  material: Material | null,
  textures: UsdzTextures,
): Promise<MaterialTextureFiles> {
  if (!material) return {};
  const blended = material.getAlphaMode() !== 'OPAQUE';
  const uses: [Slot, Texture | null, TextureUse][] = [
    ['baseColor', material.getBaseColorTexture(), blended ? 'color-alpha' : 'color'],
    ['emissive', material.getEmissiveTexture(), 'color'],
    ['normal', material.getNormalTexture(), 'data'],
    ['metallicRoughness', material.getMetallicRoughnessTexture(), 'data'],
    ['occlusion', material.getOcclusionTexture(), 'data'],
  ];
  const files: MaterialTextureFiles = {};
  for (const [slot, texture, use] of uses) if (texture) files[slot] = await textures.add(texture, use, slot);
  return files;
}

/**
 * Writes a `def Material` whose UsdPreviewSurface follows glTF's metallic-roughness
 * model as far as Quick Look can: factors become `inputs:scale` of the texture readers
 * (UsdPreviewSurface has no multiply node), normal maps are remapped from [0, 1] to
 * [-1, 1] by scale and bias, and data textures are read raw, not as sRGB.
 */
export function writeMaterialPrim(out: UsdaWriter, options: MaterialPrimOptions): void {
  const { material, files } = options;
  const path = `${options.parentPath}/${options.name}`;
  const surface: string[] = [];
  const nodes: (() => void)[] = [];
  const readers = new Set<number>();
  const texture = (node: string, file: string, info: TextureInfo | null, lines: string[]): void => {
    const texCoord = info ? texCoordOf(info) : 0;
    readers.add(texCoord);
    nodes.push(() =>
      writeShader(out, node, 'UsdUVTexture', [
        `asset inputs:file = @${file}@`,
        `float2 inputs:st.connect = <${path}/${readerName(texCoord)}.outputs:result>`,
        `token inputs:wrapS = ${quoteString(WRAP[info?.getWrapS() ?? 10497] ?? 'repeat')}`,
        `token inputs:wrapT = ${quoteString(WRAP[info?.getWrapT() ?? 10497] ?? 'repeat')}`,
        ...lines,
      ]),
    );
  };

  const [r, g, b, alpha] = material?.getBaseColorFactor() ?? [1, 1, 1, 1];
  const alphaMode = material?.getAlphaMode() ?? 'OPAQUE';
  if (files.baseColor) {
    texture('BaseColorTexture', files.baseColor, material!.getBaseColorTextureInfo(), [
      'token inputs:sourceColorSpace = "sRGB"',
      ...scaleUnlessOne([r, g, b, alpha]),
      'float3 outputs:rgb',
      'float outputs:a',
    ]);
    surface.push(`color3f inputs:diffuseColor.connect = <${path}/BaseColorTexture.outputs:rgb>`);
    if (alphaMode !== 'OPAQUE') surface.push(`float inputs:opacity.connect = <${path}/BaseColorTexture.outputs:a>`);
  } else {
    if (options.vertexColor) {
      // The factor is already multiplied into displayColor (see writeMeshPrim). The mean
      // colour is also the input's value: readers that don't follow primvar readers (three's
      // USDLoader, by reports Quick Look on some iOS versions) show the average colour, not white.
      const mean = formatTuple(options.vertexColor.map((value, channel) => value * [r, g, b][channel]!));
      nodes.push(() =>
        writeShader(out, 'VertexColorReader', 'UsdPrimvarReader_float3', [
          'string inputs:varname = "displayColor"',
          `float3 inputs:fallback = ${mean}`,
          'float3 outputs:result',
        ]),
      );
      surface.push(`color3f inputs:diffuseColor = ${mean}`);
      surface.push(`color3f inputs:diffuseColor.connect = <${path}/VertexColorReader.outputs:result>`);
    } else {
      surface.push(`color3f inputs:diffuseColor = ${formatTuple([r, g, b])}`);
    }
    if (alphaMode !== 'OPAQUE') surface.push(`float inputs:opacity = ${formatFloat(alpha)}`);
  }
  if (alphaMode === 'MASK') surface.push(`float inputs:opacityThreshold = ${formatFloat(material!.getAlphaCutoff())}`);

  const roughness = material?.getRoughnessFactor() ?? 1;
  const metallic = material?.getMetallicFactor() ?? 1;
  if (files.metallicRoughness) {
    // glTF packs roughness in G and metalness in B.
    texture('MetallicRoughnessTexture', files.metallicRoughness, material!.getMetallicRoughnessTextureInfo(), [
      'token inputs:sourceColorSpace = "raw"',
      ...scaleUnlessOne([1, roughness, metallic, 1]),
      'float outputs:g',
      'float outputs:b',
    ]);
    surface.push(`float inputs:roughness.connect = <${path}/MetallicRoughnessTexture.outputs:g>`);
    surface.push(`float inputs:metallic.connect = <${path}/MetallicRoughnessTexture.outputs:b>`);
  } else {
    surface.push(`float inputs:roughness = ${formatFloat(roughness)}`);
    surface.push(`float inputs:metallic = ${formatFloat(metallic)}`);
  }

  if (files.normal) {
    const s = material!.getNormalScale();
    texture('NormalTexture', files.normal, material!.getNormalTextureInfo(), [
      'token inputs:sourceColorSpace = "raw"',
      `float4 inputs:scale = ${formatTuple([2 * s, 2 * s, 2, 1])}`,
      `float4 inputs:bias = ${formatTuple([-s, -s, -1, 0])}`,
      'float3 outputs:rgb',
    ]);
    surface.push(`normal3f inputs:normal.connect = <${path}/NormalTexture.outputs:rgb>`);
  }

  if (files.occlusion) {
    // glTF: occlusion = 1 + strength · (sample − 1), i.e. sample · strength + (1 − strength).
    const s = material!.getOcclusionStrength();
    texture('OcclusionTexture', files.occlusion, material!.getOcclusionTextureInfo(), [
      'token inputs:sourceColorSpace = "raw"',
      ...(s === 1 ? [] : [`float4 inputs:scale = ${formatTuple([s, s, s, 1])}`]),
      ...(s === 1 ? [] : [`float4 inputs:bias = ${formatTuple([1 - s, 1 - s, 1 - s, 0])}`]),
      'float outputs:r',
    ]);
    surface.push(`float inputs:occlusion.connect = <${path}/OcclusionTexture.outputs:r>`);
  }

  const strength = material?.getExtension<EmissiveStrength>('KHR_materials_emissive_strength')?.getEmissiveStrength();
  const emissive = (material?.getEmissiveFactor() ?? [0, 0, 0]).map((value) => value * (strength ?? 1));
  if (files.emissive) {
    texture('EmissiveTexture', files.emissive, material!.getEmissiveTextureInfo(), [
      'token inputs:sourceColorSpace = "sRGB"',
      ...scaleUnlessOne([...emissive, 1]),
      'float3 outputs:rgb',
    ]);
    surface.push(`color3f inputs:emissiveColor.connect = <${path}/EmissiveTexture.outputs:rgb>`);
  } else if (emissive.some((value) => value > 0)) {
    surface.push(`color3f inputs:emissiveColor = ${formatTuple(emissive)}`);
  }

  out.open(`def Material ${quoteString(options.name)}`);
  out.line(`token outputs:surface.connect = <${path}/PreviewSurface.outputs:surface>`);
  out.line();
  writeShader(out, 'PreviewSurface', 'UsdPreviewSurface', [...surface, 'token outputs:surface']);
  for (const texCoord of [...readers].sort((a, b) => a - b)) {
    writeShader(out, readerName(texCoord), 'UsdPrimvarReader_float2', [
      `string inputs:varname = ${quoteString(stPrimvarName(texCoord))}`,
      'float2 outputs:result',
    ]);
  }
  for (const node of nodes) node();
  out.close();
}

function readerName(texCoord: number): string {
  return texCoord === 0 ? 'StReader' : `St${texCoord}Reader`;
}

function writeShader(out: UsdaWriter, name: string, id: string, lines: string[]): void {
  out.open(`def Shader ${quoteString(name)}`);
  out.line(`uniform token info:id = ${quoteString(id)}`);
  for (const line of lines) out.line(line);
  out.close();
}

function scaleUnlessOne(scale: number[]): string[] {
  return scale.every((value) => value === 1) ? [] : [`float4 inputs:scale = ${formatTuple(scale)}`];
}

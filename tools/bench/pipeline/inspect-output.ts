import { readFile } from 'node:fs/promises';
import { countTriangles, getIO } from '@vitrine/pipeline';
import { documentTriangles } from '../metrics/document-soup.js';
import type { TriangleSoup } from '../metrics/triangle-soup.js';

export interface InspectedGlb {
  readonly bytes: Uint8Array;
  readonly triangles: number;
  /** The textures as stored, e.g. "3× image/webp 2048²": what each tool did to them. */
  readonly textures: string;
  readonly soup: TriangleSoup;
}

/** Reads a tool's output back with our IO (meshopt and quantization decoded) and measures it. */
export async function inspectGlb(file: string): Promise<InspectedGlb> {
  const bytes = new Uint8Array(await readFile(file));
  const document = await (await getIO()).readBinary(bytes);
  return {
    bytes,
    triangles: countTriangles(document),
    textures: describeTextures(document.getRoot().listTextures()),
    soup: documentTriangles(document),
  };
}

interface TextureLike {
  getMimeType(): string;
  getSize(): [number, number] | null;
}

function describeTextures(textures: readonly TextureLike[]): string {
  if (textures.length === 0) return 'none';
  const counts = new Map<string, number>();
  for (const texture of textures) {
    const size = texture.getSize();
    const format = texture.getMimeType().replace('image/', '');
    const key = size ? `${format} ${size[0]}×${size[1]}` : format;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].map(([key, count]) => (count > 1 ? `${count}× ${key}` : key)).join(', ');
}

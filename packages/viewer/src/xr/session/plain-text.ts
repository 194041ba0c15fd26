import { Children, isValidElement, type ReactNode } from 'react';
import { renderMarkdown } from '../../annotations/markdown.js';

/**
 * An annotation's Markdown-subset text as plain text for a 3D panel, which draws glyphs,
 * not HTML: paragraphs become blank lines, list items bullets, links their label. Goes
 * through the same parser as the browser's panel, so both read the text the same way.
 */
export function markdownToPlainText(source: string): string {
  return renderMarkdown(source)
    .map((block) => textOf(block))
    .join('\n\n');
}

function textOf(node: ReactNode): string {
  if (typeof node === 'string' || typeof node === 'number') return String(node);
  if (Array.isArray(node)) return node.map(textOf).join('');
  if (!isValidElement<{ children?: ReactNode }>(node)) return '';
  if (node.type === 'br') return '\n';
  const inner = Children.toArray(node.props.children).map(textOf);
  if (node.type === 'ul') return inner.join('\n');
  if (node.type === 'li') return `• ${inner.join('')}`;
  return inner.join('');
}

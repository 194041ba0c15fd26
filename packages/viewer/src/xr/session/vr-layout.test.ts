import { describe, expect, it } from 'vitest';
import { markdownToPlainText } from './plain-text.js';
import { twistAngle } from '../../controls/twist-angle.js';
import { fitScale, vrLayout } from './vr-layout.js';

describe('vrLayout', () => {
  it('raises a small artefact so that its middle is at 1.1 m, in front of the visitor', () => {
    const layout = vrLayout({ width: 0.2, height: 0.3, depth: 0.2 });
    expect(layout.plinthHeight).toBeCloseTo(0.95);
    expect(layout.plinthWidth).toBeGreaterThan(0.2);
    expect(layout.distance).toBeGreaterThanOrEqual(0.6);
  });

  it('stands a statue on the floor, further away, and never hangs a tiny one above 1 m', () => {
    expect(vrLayout({ width: 0.8, height: 2.4, depth: 0.8 })).toMatchObject({ plinthHeight: 0 });
    expect(vrLayout({ width: 0.8, height: 2.4, depth: 0.8 }).distance).toBeGreaterThan(1.2);
    expect(vrLayout({ width: 0.01, height: 0.01, depth: 0.01 }).plinthHeight).toBe(1);
  });

  it('fits the largest side to 40 cm for the AR table size', () => {
    expect(fitScale({ width: 0.1, height: 2, depth: 0.5 })).toBeCloseTo(0.2);
  });
});

describe('twistAngle', () => {
  it('is the turn of the line through two fingers, wrapped across ±180°', () => {
    const a = { x: 0, y: 0 };
    expect(twistAngle([a, { x: 10, y: 0 }], [a, { x: 0, y: 10 }])).toBeCloseTo(Math.PI / 2);
    expect(twistAngle([a, { x: -10, y: 1 }], [a, { x: -10, y: -1 }])).toBeCloseTo(0.2, 1);
  });
});

describe('markdownToPlainText', () => {
  it('keeps words, paragraphs, list items and link labels, and drops the markup', () => {
    expect(markdownToPlainText('A **bold** and _soft_ [link](https://example.org).\n\n- one\n- two')).toBe(
      'A bold and soft link.\n\n• one\n• two',
    );
  });

  it('shows raw HTML as the text it is', () => {
    expect(markdownToPlainText('<img src=x onerror=alert(1)>')).toBe('<img src=x onerror=alert(1)>');
  });
});

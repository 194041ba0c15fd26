import { describe, expect, it } from 'vitest';
import { PAN_STEP, stageKeyAction, TILT_STEP, TURN_STEP, ZOOM_STEP } from './stage-keys.js';

const press = (
  key: string,
  modifiers: Partial<{ shiftKey: boolean; ctrlKey: boolean; altKey: boolean; metaKey: boolean }> = {},
) => stageKeyAction({ key, shiftKey: false, ctrlKey: false, altKey: false, metaKey: false, ...modifiers });

describe('stageKeyAction', () => {
  it('turns with the left and right arrows and tilts with up and down', () => {
    expect(press('ArrowLeft')).toEqual({ kind: 'turn', azimuth: -TURN_STEP, polar: 0 });
    expect(press('ArrowRight')).toEqual({ kind: 'turn', azimuth: TURN_STEP, polar: 0 });
    expect(press('ArrowUp')).toEqual({ kind: 'turn', azimuth: 0, polar: -TILT_STEP });
    expect(press('ArrowDown')).toEqual({ kind: 'turn', azimuth: 0, polar: TILT_STEP });
  });

  it('pans with Shift and an arrow', () => {
    expect(press('ArrowLeft', { shiftKey: true })).toEqual({ kind: 'pan', right: -PAN_STEP, up: 0 });
    expect(press('ArrowRight', { shiftKey: true })).toEqual({ kind: 'pan', right: PAN_STEP, up: 0 });
    expect(press('ArrowUp', { shiftKey: true })).toEqual({ kind: 'pan', right: 0, up: PAN_STEP });
    expect(press('ArrowDown', { shiftKey: true })).toEqual({ kind: 'pan', right: 0, up: -PAN_STEP });
    expect(press('+', { shiftKey: true })).toEqual({ kind: 'zoom', factor: ZOOM_STEP });
  });

  it('zooms with + and −, with or without Shift, and with Page Up and Page Down', () => {
    for (const key of ['+', '=', 'PageUp']) expect(press(key)).toEqual({ kind: 'zoom', factor: ZOOM_STEP });
    for (const key of ['-', '_', 'PageDown']) expect(press(key)).toEqual({ kind: 'zoom', factor: 1 / ZOOM_STEP });
  });

  it('marks the centre point with Enter or Space', () => {
    expect(press('Enter')).toEqual({ kind: 'pick' });
    expect(press(' ')).toEqual({ kind: 'pick' });
  });

  it('leaves other keys, and keys with Ctrl, Alt or Cmd, to the browser', () => {
    expect(press('Tab')).toBeUndefined();
    expect(press('Escape')).toBeUndefined();
    expect(press('+', { ctrlKey: true })).toBeUndefined();
    expect(press('ArrowLeft', { altKey: true })).toBeUndefined();
    expect(press('Enter', { metaKey: true })).toBeUndefined();
  });
});

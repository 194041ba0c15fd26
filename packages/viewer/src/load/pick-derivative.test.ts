import type { Artefact } from '@vitrine/core';
import { describe, expect, it } from 'vitest';
import { derivativeFixture } from '../testing/derivative-fixture.js';
import { pickDerivative, planDerivatives } from './pick-derivative.js';

const derivative = derivativeFixture;
const artefact = (...profiles: string[]) =>
  ({ derivatives: [...profiles.map((profile) => derivative(profile)), derivative('ar', 'usdz')] }) as Artefact;

describe('planDerivatives', () => {
  it('shows the thumb first, then the profile asked for', () => {
    const plan = planDerivatives(artefact('thumb', 'mobile', 'desktop', 'vr'), 'desktop');
    expect(plan.first?.profile).toBe('thumb');
    expect(plan.target.profile).toBe('desktop');
  });

  it('has nothing to show first when the thumb is the target, or there is none', () => {
    expect(planDerivatives(artefact('thumb', 'mobile'), 'thumb')).toEqual({ target: derivative('thumb') });
    expect(planDerivatives(artefact('mobile'), 'mobile').first).toBeUndefined();
  });
});

describe('pickDerivative', () => {
  it('steps down to the nearest lighter profile when the wanted one is missing', () => {
    expect(pickDerivative(artefact('thumb', 'mobile'), 'desktop').profile).toBe('mobile');
    expect(pickDerivative(artefact('thumb'), 'desktop').profile).toBe('thumb');
  });

  it('steps up when there is nothing lighter', () => {
    expect(pickDerivative(artefact('desktop'), 'thumb').profile).toBe('desktop');
  });

  it('never picks the USDZ, which is for AR Quick Look', () => {
    expect(pickDerivative(artefact('mobile'), 'ar').container).toBe('glb');
  });
});

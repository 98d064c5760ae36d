import { describe, expect, it } from 'vitest';
import { STEPS, shadeOf, shadeSteps, stepLabel } from '../../../src/lib/map/shading.ts';

describe('the shading scale', () => {
  it('grows geometrically up to the largest count', () => {
    expect(shadeSteps(21)).toEqual([
      { step: 1, min: 1, max: 1 },
      { step: 2, min: 2, max: 4 },
      { step: 3, min: 5, max: 9 },
      { step: 4, min: 10, max: 21 },
    ]);
    expect(shadeSteps(21).map(stepLabel)).toEqual([
      '1 mention',
      '2–4 mentions',
      '5–9 mentions',
      '10–21 mentions',
    ]);
  });

  it('uses the darkest steps when counts are small, and none when nothing is named', () => {
    expect(shadeSteps(0)).toEqual([]);
    expect(shadeSteps(1)).toEqual([{ step: 4, min: 1, max: 1 }]);
    expect(shadeSteps(3)).toEqual([
      { step: 2, min: 1, max: 1 },
      { step: 3, min: 2, max: 2 },
      { step: 4, min: 3, max: 3 },
    ]);
  });

  it('is monotonic in the count, covers every count once, and gives the most named the darkest', () => {
    for (let max = 1; max <= 300; max += 1) {
      const steps = shadeSteps(max);
      expect(steps.length).toBeLessThanOrEqual(STEPS);
      expect(steps[0]!.min).toBe(1);
      for (let i = 1; i < steps.length; i += 1) {
        expect(steps[i]!.min, `max ${max}`).toBe(steps[i - 1]!.max + 1);
      }
      expect(steps.at(-1)!.max).toBe(max);
      expect(shadeOf(0, steps)).toBe(0);
      let previous = 0;
      for (let count = 1; count <= max; count += 1) {
        const step = shadeOf(count, steps);
        expect(step, `count ${count} of ${max}`).toBeGreaterThanOrEqual(previous);
        expect(step).toBeGreaterThan(0);
        previous = step;
      }
      expect(shadeOf(max, steps)).toBe(STEPS);
    }
  });
});

/**
 * The map's shading: a small sequential scale of up to four steps over mention counts, plus step 0
 * for a country the documents never name. Step bounds grow geometrically up to the largest count
 * (counts of place names are skewed: a few countries are named far more often than the rest), and
 * are whole numbers, so the legend can say "5–9 mentions".
 */

export const STEPS = 4;

export interface ShadeStep {
  /** 1 (lightest) to 4 (darkest). */
  step: number;
  /** The smallest and largest count in this step, inclusive. */
  min: number;
  max: number;
}

/**
 * The steps for counts whose largest value is `max`: the k-th step starts at max^(k/4), rounded,
 * and at least one above the step before. Fewer than four steps when the counts are small; none
 * when nothing is named. When there are fewer, the darkest classes are used, so the most-named
 * country is always the darkest.
 */
export function shadeSteps(max: number): ShadeStep[] {
  if (!(max >= 1)) return [];
  const top = Math.floor(max);
  const starts = [1];
  for (let k = 1; k < STEPS; k += 1) {
    const start = Math.max(starts.at(-1)! + 1, Math.round(top ** (k / STEPS)));
    if (start > top) break;
    starts.push(start);
  }
  const offset = STEPS - starts.length;
  return starts.map((min, i) => ({
    step: i + 1 + offset,
    min,
    max: i + 1 < starts.length ? starts[i + 1]! - 1 : top,
  }));
}

/** The step of one count (0 for none), given the steps from `shadeSteps`. */
export function shadeOf(count: number, steps: readonly ShadeStep[]): number {
  let step = 0;
  for (const s of steps) if (count >= s.min) step = s.step;
  return step;
}

/** "1 mention", "2–4 mentions": the legend's words for a step. */
export function stepLabel({ min, max }: ShadeStep): string {
  const range = min === max ? String(min) : `${min}–${max}`;
  return `${range} ${max === 1 ? 'mention' : 'mentions'}`;
}

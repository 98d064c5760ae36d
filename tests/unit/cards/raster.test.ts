import { describe, expect, it } from 'vitest';
import type { PathCommand } from '../../../src/lib/cards/font.ts';
import { rasterizeOutline, type Mask } from '../../../src/lib/cards/raster.ts';

// The coverage rasterizer, on shapes whose coverage is known exactly. Outlines are in font units
// with y up, as fonts give them; at scale 1 and origin (0, 0) a unit is a pixel and y flips.

const polygon = (...points: [number, number][]): PathCommand[] => [
  { type: 'M', x: points[0]![0], y: points[0]![1] },
  ...points.slice(1).map(([x, y]) => ({ type: 'L' as const, x, y })),
  { type: 'Z' },
];

/** Coverage of the pixel whose top-left corner is (x, y) in pixel space; 0 outside the mask. */
function at(mask: Mask, x: number, y: number): number {
  const col = x - mask.left;
  const row = y - mask.top;
  if (col < 0 || row < 0 || col >= mask.width || row >= mask.height) return 0;
  return mask.coverage[row * mask.width + col]!;
}

const total = (mask: Mask) => mask.coverage.reduce((sum, c) => sum + c, 0);

describe('rasterizeOutline', () => {
  it('covers the inside of a pixel-aligned square fully and nothing outside it', () => {
    // x 2..6, y -6..-2 in font units: pixels 2..5 in both directions.
    const mask = rasterizeOutline(polygon([2, -2], [6, -2], [6, -6], [2, -6]), 1, 0, 0);
    for (let y = 0; y < 9; y++) {
      for (let x = 0; x < 9; x++) {
        const inside = x >= 2 && x <= 5 && y >= 2 && y <= 5;
        expect(at(mask, x, y), `pixel ${x},${y}`).toBeCloseTo(inside ? 1 : 0, 5);
      }
    }
  });

  it('gives half coverage where an edge halves a pixel', () => {
    const mask = rasterizeOutline(polygon([2.5, -2], [6.5, -2], [6.5, -6], [2.5, -6]), 1, 0, 0);
    for (let y = 2; y <= 5; y++) {
      expect(at(mask, 2, y)).toBeCloseTo(0.5, 5);
      expect(at(mask, 3, y)).toBeCloseTo(1, 5);
      expect(at(mask, 6, y)).toBeCloseTo(0.5, 5);
      expect(at(mask, 7, y)).toBe(0);
    }
    // A horizontal edge across the middle of a row, too.
    const low = rasterizeOutline(polygon([0, 0], [4, 0], [4, -2.5], [0, -2.5]), 1, 0, 0);
    expect(at(low, 1, 1)).toBeCloseTo(1, 5);
    expect(at(low, 1, 2)).toBeCloseTo(0.5, 5);
    expect(at(low, 1, 3)).toBe(0);
  });

  it('covers as much as the area of the shape, whichever way it winds', () => {
    const triangle = [
      [1, -1],
      [9.3, -2.2],
      [4.1, -8.7],
    ] as [number, number][];
    const area = 0.5 * Math.abs((9.3 - 1) * (-8.7 + 1) - (4.1 - 1) * (-2.2 + 1));
    expect(total(rasterizeOutline(polygon(...triangle), 1, 0, 0))).toBeCloseTo(area, 3);
    expect(total(rasterizeOutline(polygon(...triangle.reverse()), 1, 0, 0))).toBeCloseTo(area, 3);
  });

  it('leaves a hole where an inner contour winds the other way', () => {
    const ring = [
      ...polygon([0, 0], [10, 0], [10, -10], [0, -10]),
      ...polygon([3, -3], [3, -7], [7, -7], [7, -3]),
    ];
    const mask = rasterizeOutline(ring, 1, 0, 0);
    expect(at(mask, 5, 5)).toBeCloseTo(0, 5);
    expect(at(mask, 1, 5)).toBeCloseTo(1, 5);
    expect(total(mask)).toBeCloseTo(100 - 16, 3);
  });

  it('flattens curves closely: a circle of quadratic arcs has the area of a circle', () => {
    // Eight quadratic arcs, as TrueType draws circles; their area is within 0.1 % of πr².
    const r = 20;
    const commands: PathCommand[] = [{ type: 'M', x: r, y: 0 }];
    for (let k = 0; k < 8; k++) {
      const a0 = (k * Math.PI) / 4;
      const a1 = ((k + 1) * Math.PI) / 4;
      const mid = (a0 + a1) / 2;
      const c = r / Math.cos(Math.PI / 8);
      commands.push({
        type: 'Q',
        x1: c * Math.cos(mid),
        y1: c * Math.sin(mid),
        x: r * Math.cos(a1),
        y: r * Math.sin(a1),
      });
    }
    commands.push({ type: 'Z' });
    const mask = rasterizeOutline(commands, 1, 30.25, 30);
    expect(total(mask) / (Math.PI * r * r)).toBeCloseTo(1, 2);
    expect(at(mask, 30, 30)).toBeCloseTo(1, 5);
    expect(at(mask, 30, 5)).toBe(0);
  });

  it('scales and offsets the outline into pixel space', () => {
    // A 100-unit square at 0.04 px a unit is 4 px; moved a quarter pixel right it spills over.
    const mask = rasterizeOutline(polygon([0, 0], [100, 0], [100, 100], [0, 100]), 0.04, 10.25, 20);
    expect(at(mask, 10, 17)).toBeCloseTo(0.75, 5);
    expect(at(mask, 11, 17)).toBeCloseTo(1, 5);
    expect(at(mask, 14, 17)).toBeCloseTo(0.25, 5);
    expect(at(mask, 11, 20)).toBe(0);
    expect(total(mask)).toBeCloseTo(16, 4);
  });
});

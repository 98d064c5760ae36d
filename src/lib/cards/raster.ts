import type { PathCommand } from './font.ts';

/**
 * Anti-aliased filling of glyph outlines (pure): each edge adds the signed area it covers to an
 * accumulation buffer, and a running sum along each row gives every pixel's exact coverage, as
 * font-rs and stb_truetype do. Curves are flattened into lines first; the non-zero rule is
 * approximated by the absolute winding, which is exact for fonts' non-overlapping contours and
 * clamps where contours overlap.
 */

/** Coverage of the pixels in a box: `coverage[row * width + column]`, 0 to 1. */
export interface Mask {
  /** The box's top-left pixel. */
  left: number;
  top: number;
  width: number;
  height: number;
  coverage: Float32Array;
}

/** Line segments as flat x0, y0, x1, y1 quadruples. */
type Segments = number[];

/** Flattens an outline, given in font units y up, to pixel-space segments (y down). */
function flatten(
  commands: readonly PathCommand[],
  scale: number,
  x0: number,
  y0: number,
): Segments {
  const out: Segments = [];
  const px = (x = 0) => x0 + x * scale;
  const py = (y = 0) => y0 - y * scale;
  let startX = 0;
  let startY = 0;
  let x = 0;
  let y = 0;
  const line = (nx: number, ny: number) => {
    out.push(x, y, nx, ny);
    x = nx;
    y = ny;
  };
  for (const c of commands) {
    if (c.type === 'M') {
      if (x !== startX || y !== startY) line(startX, startY);
      x = startX = px(c.x);
      y = startY = py(c.y);
    } else if (c.type === 'L') {
      line(px(c.x), py(c.y));
    } else if (c.type === 'Q') {
      const [cx, cy, ex, ey] = [px(c.x1), py(c.y1), px(c.x), py(c.y)];
      const deviation = (x - 2 * cx + ex) ** 2 + (y - 2 * cy + ey) ** 2;
      // More segments the more the curve bends: a quarter of a pixel's error at most.
      const n = deviation < 0.333 ? 1 : 1 + Math.floor(Math.sqrt(Math.sqrt(3 * deviation)));
      const [sx, sy] = [x, y];
      for (let i = 1; i <= n; i++) {
        const t = i / n;
        const u = 1 - t;
        line(u * u * sx + 2 * u * t * cx + t * t * ex, u * u * sy + 2 * u * t * cy + t * t * ey);
      }
    } else if (c.type === 'C') {
      const [c1x, c1y, c2x, c2y, ex, ey] = [
        px(c.x1),
        py(c.y1),
        px(c.x2),
        py(c.y2),
        px(c.x),
        py(c.y),
      ];
      const deviation = Math.max(
        (x - 2 * c1x + c2x) ** 2 + (y - 2 * c1y + c2y) ** 2,
        (c1x - 2 * c2x + ex) ** 2 + (c1y - 2 * c2y + ey) ** 2,
      );
      const n = deviation < 0.333 ? 1 : 1 + Math.floor(Math.sqrt(Math.sqrt(3 * deviation)));
      const [sx, sy] = [x, y];
      for (let i = 1; i <= n; i++) {
        const t = i / n;
        const u = 1 - t;
        line(
          u * u * u * sx + 3 * u * u * t * c1x + 3 * u * t * t * c2x + t * t * t * ex,
          u * u * u * sy + 3 * u * u * t * c1y + 3 * u * t * t * c2y + t * t * t * ey,
        );
      }
    } else if (c.type === 'Z') {
      if (x !== startX || y !== startY) line(startX, startY);
    }
  }
  if (x !== startX || y !== startY) line(startX, startY);
  return out;
}

/** Adds one edge's signed area to the accumulation buffer `acc` (rows of `width`). */
function accumulateLine(
  acc: Float32Array,
  width: number,
  ax: number,
  ay: number,
  bx: number,
  by: number,
) {
  if (ay === by) return;
  const dir = ay < by ? 1 : -1;
  const [x0, y0, x1, y1] = ay < by ? [ax, ay, bx, by] : [bx, by, ax, ay];
  const dxdy = (x1 - x0) / (y1 - y0);
  let x = x0;
  for (let row = Math.floor(y0); row < Math.ceil(y1); row++) {
    const rowStart = row * width;
    const dy = Math.min(row + 1, y1) - Math.max(row, y0);
    const xNext = x + dxdy * dy;
    const d = dy * dir;
    const left = Math.min(x, xNext);
    const right = Math.max(x, xNext);
    const leftFloor = Math.floor(left);
    const li = leftFloor;
    const ri = Math.ceil(right);
    if (ri <= li + 1) {
      // The edge stays within one pixel of this row: split its area by its mean x.
      const xmf = 0.5 * (x + xNext) - leftFloor;
      acc[rowStart + li]! += d - d * xmf;
      acc[rowStart + li + 1]! += d * xmf;
    } else {
      const s = 1 / (right - left);
      const leftFrac = left - leftFloor;
      const a0 = 0.5 * s * (1 - leftFrac) * (1 - leftFrac);
      const rightFrac = right - ri + 1;
      const am = 0.5 * s * rightFrac * rightFrac;
      acc[rowStart + li]! += d * a0;
      if (ri === li + 2) {
        acc[rowStart + li + 1]! += d * (1 - a0 - am);
      } else {
        const a1 = s * (1.5 - leftFrac);
        acc[rowStart + li + 1]! += d * (a1 - a0);
        for (let xi = li + 2; xi < ri - 1; xi++) acc[rowStart + xi]! += d * s;
        const a2 = a1 + (ri - li - 3) * s;
        acc[rowStart + ri - 1]! += d * (1 - a2 - am);
      }
      acc[rowStart + ri]! += d * am;
    }
    x = xNext;
  }
}

/**
 * The coverage of an outline (font units, y up) drawn at `scale` px per unit with its origin at
 * (originX, originY) in pixel space (y down).
 */
export function rasterizeOutline(
  commands: readonly PathCommand[],
  scale: number,
  originX: number,
  originY: number,
): Mask {
  const segments = flatten(commands, scale, originX, originY);
  if (segments.length === 0)
    return { left: 0, top: 0, width: 0, height: 0, coverage: new Float32Array(0) };
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (let i = 0; i < segments.length; i += 2) {
    minX = Math.min(minX, segments[i]!);
    maxX = Math.max(maxX, segments[i]!);
    minY = Math.min(minY, segments[i + 1]!);
    maxY = Math.max(maxY, segments[i + 1]!);
  }
  const left = Math.floor(minX);
  const top = Math.floor(minY);
  // Two columns beyond the rightmost edge take the area an edge spills to its right.
  const bufferWidth = Math.ceil(maxX) - left + 2;
  const height = Math.ceil(maxY) - top;
  const acc = new Float32Array(bufferWidth * height);
  for (let i = 0; i < segments.length; i += 4) {
    accumulateLine(
      acc,
      bufferWidth,
      segments[i]! - left,
      segments[i + 1]! - top,
      segments[i + 2]! - left,
      segments[i + 3]! - top,
    );
  }
  const width = bufferWidth - 1;
  const coverage = new Float32Array(width * height);
  for (let row = 0; row < height; row++) {
    let sum = 0;
    for (let col = 0; col < width; col++) {
      sum += acc[row * bufferWidth + col]!;
      coverage[row * width + col] = Math.min(1, Math.abs(sum));
    }
  }
  return { left, top, width, height, coverage };
}

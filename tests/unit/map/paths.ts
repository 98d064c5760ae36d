/** Reads the SVG path data the map writes (M, l, z and their implicit repeats) back into rings. */
export function rings(d: string): [number, number][][] {
  const tokens = d.match(/[Mlz]|-?(?:\d+(?:\.\d*)?|\.\d+)/g) ?? [];
  if (/[^Mlz\d.\s-]/.test(d)) throw new Error(`unexpected path command in ${d.slice(0, 40)}`);
  const out: [number, number][][] = [];
  let ring: [number, number][] = [];
  let mode = '';
  let x = 0;
  let y = 0;
  for (let i = 0; i < tokens.length;) {
    const t = tokens[i]!;
    if (t === 'M' || t === 'l' || t === 'z') {
      mode = t;
      i += 1;
      if (t === 'z' && ring.length > 0) {
        out.push(ring);
        ring = [];
      }
      continue;
    }
    const a = Number(t);
    const b = Number(tokens[i + 1]);
    i += 2;
    if (mode === 'M') {
      if (ring.length > 0) out.push(ring);
      [x, y] = [a, b];
      ring = [[x, y]];
      mode = 'L';
    } else if (mode === 'L') {
      // Pairs straight after a moveto are absolute line-tos.
      [x, y] = [a, b];
      ring.push([x, y]);
    } else {
      x += a;
      y += b;
      ring.push([x, y]);
    }
  }
  if (ring.length > 0) out.push(ring);
  return out;
}

/** Whether a point is inside the filled area of a path (even-odd over all its rings). */
export function contains(d: string, [px, py]: [number, number]): boolean {
  let inside = false;
  for (const ring of rings(d)) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i, i += 1) {
      const [xi, yi] = ring[i]!;
      const [xj, yj] = ring[j]!;
      if (yi > py !== yj > py && px < ((xj - xi) * (py - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}

/** The area-weighted centroid of a path's rings (holes subtract, as their winding is opposite). */
export function centroid(d: string): [number, number] {
  let area = 0;
  let cx = 0;
  let cy = 0;
  for (const ring of rings(d)) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i, i += 1) {
      const [x0, y0] = ring[j]!;
      const [x1, y1] = ring[i]!;
      const cross = x0 * y1 - x1 * y0;
      area += cross;
      cx += (x0 + x1) * cross;
      cy += (y0 + y1) * cross;
    }
  }
  return [cx / (3 * area), cy / (3 * area)];
}

/** Number formats shared by the report and the targets. Decimal units throughout (1 KB = 1,000
 * bytes), as in the figures. */

export function count(n: number): string {
  return n.toLocaleString('en-US');
}

/** Exact below 100 KB, where the targets are counted in bytes; rounded above. */
export function bytes(n: number): string {
  if (!Number.isFinite(n)) return '—';
  if (n < 100_000) return `${count(n)} B`;
  if (n < 1e6) return `${(n / 1e3).toFixed(1)} KB`;
  if (n < 1e9) return `${(n / 1e6).toFixed(2)} MB`;
  return `${(n / 1e9).toFixed(2)} GB`;
}

export function ms(n: number): string {
  if (!Number.isFinite(n)) return '—';
  return n < 10 ? `${n.toFixed(1)} ms` : `${Math.round(n)} ms`;
}

export function seconds(msValue: number): string {
  if (!Number.isFinite(msValue)) return '—';
  const s = msValue / 1000;
  return s < 120 ? `${s.toFixed(1)} s` : `${Math.round(s)} s (${(s / 60).toFixed(1)} min)`;
}

export function ratio(a: number, b: number): string {
  return Number.isFinite(a / b) ? `${(a / b).toFixed(2)}×` : '—';
}

/** A Markdown table; cells are escaped so a path or message cannot break the row. */
export function table(head: readonly string[], rows: readonly (readonly string[])[]): string {
  const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  const line = (cells: readonly string[]) => `| ${cells.map(cell).join(' | ')} |`;
  return [line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n');
}

/** Cumulative layout shift: exact zero stays "0", anything else shows its first digits, so that
 * a shift Lighthouse rounds away is still visible. */
export function cls(value: number): string {
  return value === 0 ? '0' : value.toPrecision(2);
}

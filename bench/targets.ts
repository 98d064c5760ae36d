import type { CorpusBuild, Results } from './results.ts';
import { median, type SearchResult } from './search.ts';
import { bytes, cls, count, ms, seconds } from './format.ts';
import { CATEGORIES } from './lighthouse.ts';

/** The issue's targets, each judged from one run's figures. Pure. */

export type Status = 'pass' | 'fail' | 'not measured';

export interface TargetRow {
  target: string;
  measured: string;
  limit: string;
  status: Status;
}

/** The issue's own figure for a stock Starlight document page, used only when this run did not
 * build Starlight (a quick run). */
export const ISSUE_STARLIGHT_PAGE_BYTES = 53_106;
const KB = 1000;

function row(target: string, measured: string, limit: string, ok: boolean | undefined): TargetRow {
  return {
    target,
    measured,
    limit,
    status: ok === undefined ? 'not measured' : ok ? 'pass' : 'fail',
  };
}

const missing = (target: string, why: string, limit: string): TargetRow =>
  row(target, why, limit, undefined);

export function buildAt(builds: readonly CorpusBuild[], n: number): CorpusBuild | undefined {
  return builds.find((b) => b.documents === n && b.clean.ok);
}

/** Build milliseconds per document beyond start-up: the extra time over the five-document build,
 * spread over the extra documents. */
export function marginalMsPerDocument(
  builds: readonly CorpusBuild[],
  n: number,
): number | undefined {
  const base = buildAt(builds, 5);
  const at = buildAt(builds, n);
  if (!base || !at || n <= 5) return undefined;
  return (at.clean.wallMs - base.clean.wallMs) / (n - 5);
}

/** The site's own search: through its search page when it has one, else Pagefind's API. */
function siteSearch(r: Results): SearchResult | undefined {
  const site = r.search.filter((s) => s.subject === 'site' && s.documents === 5);
  return (
    site.find((s) => s.via === 'ui' && s.queries.length > 0) ?? site.find((s) => s.via === 'api')
  );
}

export function evaluateTargets(r: Results): TargetRow[] {
  const rows: TargetRow[] = [];
  const doc = r.weights.find((w) => w.role === 'document');
  const starlightPage = r.starlight?.weight;

  if (doc) {
    const base = starlightPage?.transferred ?? ISSUE_STARLIGHT_PAGE_BYTES;
    const limit = Math.floor(base / 3);
    rows.push(
      row(
        'Document page transfers at most a third of Starlight’s',
        bytes(doc.transferred),
        `${bytes(limit)} (⅓ of ${bytes(base)}${starlightPage ? ', this run' : ', the issue’s figure'})`,
        doc.transferred <= limit,
      ),
      row('Document page: at most 4 requests', count(doc.requests), '4', doc.requests <= 4),
      row(
        'No render-blocking request beyond one stylesheet',
        doc.renderBlocking.length === 0 ? 'none' : doc.renderBlocking.join(', '),
        'one stylesheet',
        doc.renderBlocking.length <= 1 && doc.renderBlocking.every((p) => p.endsWith('.css')),
      ),
      doc.readableWithoutJs
        ? row(
            'JavaScript needed for reading: none',
            `${doc.readableWithoutJs.shown} of ${doc.readableWithoutJs.total} texts of the document visible without JavaScript` +
              (doc.readableWithoutJs.missing.length > 0
                ? `; missing: “${doc.readableWithoutJs.missing[0]!.slice(0, 60)}…”`
                : ''),
            'all',
            doc.readableWithoutJs.missing.length === 0,
          )
        : missing('JavaScript needed for reading: none', 'not checked', 'all'),
      row(
        'Scripts on load under 5 KB compressed',
        bytes(doc.byKind.js.compressed),
        bytes(5 * KB),
        doc.byKind.js.compressed < 5 * KB,
      ),
    );
  } else {
    rows.push(missing('Document page weight', 'no document page measured', '—'));
  }

  const sizes = r.builds.filter((b) => b.clean.ok).map((b) => b.documents);
  const largest = Math.max(...sizes);
  const at5 = buildAt(r.builds, 5)?.documentHtml;
  const atMax = buildAt(r.builds, largest)?.documentHtml;
  if (at5 && atMax && largest > 5) {
    const growth = atMax.raw / at5.raw - 1;
    const measured = `${bytes(atMax.raw)} at ${count(largest)} vs ${bytes(at5.raw)} at 5 (${pct(growth)})`;
    rows.push(
      row(
        'Document page HTML at 10,000 documents within 5% of its size at 5',
        measured,
        '+5%',
        largest >= 10_000 ? Math.abs(growth) <= 0.05 : undefined,
      ),
    );
  }
  const [prev, last] = sizes.filter((n) => n >= 100).slice(-2);
  if (prev !== undefined && last !== undefined) {
    const before = buildAt(r.builds, prev)!;
    const after = buildAt(r.builds, last)!;
    const growing = after.types.flatMap((t) => {
      const earlier = before.types.find((b) => b.route === t.route);
      if (!earlier) return [];
      const g = t.largest.bytes / earlier.largest.bytes - 1;
      return g > 0.05 ? [`${t.route} ${pct(g)} (${bytes(t.largest.bytes)})`] : [];
    });
    rows.push(
      row(
        'No page grows with the number of documents; indexes paginate',
        growing.length === 0
          ? `largest page of every route within 5% from ${count(prev)} to ${count(last)}`
          : `${count(prev)} → ${count(last)}: ${growing.join('; ')}`,
        '+5%',
        growing.length === 0,
      ),
    );
  }

  if (r.lighthouse.length > 0) {
    const short = r.lighthouse.filter(
      (l) =>
        l.error !== undefined ||
        Object.keys(l.scores).length < 4 ||
        Object.values(l.scores).some((s) => s < 100) ||
        (l.cls ?? 1) > 0,
    );
    rows.push(
      row(
        'Lighthouse 100 in all four categories, mobile and desktop, CLS 0',
        short.length === 0
          ? `${r.lighthouse.length} runs, all 100, CLS 0`
          : short
              .map(
                (l) =>
                  `${l.role} ${l.formFactor}: ${l.error ?? CATEGORIES.map((c) => l.scores[c] ?? '—').join('/')}, CLS ${l.cls !== undefined ? cls(l.cls) : '?'}`,
              )
              .join('; '),
        '100 ×4, CLS 0',
        short.length === 0,
      ),
    );
  } else {
    rows.push(missing('Lighthouse 100 everywhere', 'not run (quick)', '100 ×4, CLS 0'));
  }

  const ours1k = buildAt(r.builds, 1000);
  const theirs1k = r.starlight && buildAt(r.starlight.builds, 1000);
  const stopped1k = r.builds.find((b) => b.documents === 1000 && b.clean.timedOut);
  rows.push(
    ours1k && theirs1k
      ? row(
          'Build of 1,000 documents no slower than Starlight',
          seconds(ours1k.clean.wallMs),
          `${seconds(theirs1k.clean.wallMs)} (Starlight, this run)`,
          ours1k.clean.wallMs <= theirs1k.clean.wallMs,
        )
      : stopped1k && theirs1k
        ? row(
            'Build of 1,000 documents no slower than Starlight',
            `did not finish in ${seconds(stopped1k.clean.wallMs)}`,
            `${seconds(theirs1k.clean.wallMs)} (Starlight, this run)`,
            false,
          )
        : missing(
            'Build of 1,000 documents no slower than Starlight',
            ours1k
              ? `${seconds(ours1k.clean.wallMs)}; Starlight not built`
              : (notBuilt(r, 1000) ?? 'not built'),
            'Starlight’s time',
          ),
  );
  if (ours1k?.incremental?.ok) {
    const speedup = ours1k.clean.wallMs / ours1k.incremental.wallMs;
    rows.push(
      row(
        'Rebuild after one change at least 3× faster than clean (1,000 documents)',
        `${seconds(ours1k.incremental.wallMs)} vs ${seconds(ours1k.clean.wallMs)} (${speedup.toFixed(2)}×)`,
        '3×',
        speedup >= 3,
      ),
    );
  } else {
    rows.push(
      missing(
        'Rebuild after one change at least 3× faster than clean (1,000 documents)',
        notBuilt(r, 1000) ?? 'the rebuild failed',
        '3×',
      ),
    );
  }
  const tenK = buildAt(r.builds, 10_000);
  const stopped10k = r.builds.find((b) => b.documents === 10_000 && b.clean.timedOut);
  if (tenK) {
    rows.push(
      row(
        '10,000 documents build in under 10 minutes',
        seconds(tenK.clean.wallMs),
        '600 s',
        tenK.clean.wallMs < 600_000,
      ),
      row(
        '10,000 documents: peak memory under 4 GB',
        `${bytes(tenK.clean.peakTotalRssBytes)} (all processes at once; largest process ${bytes(tenK.clean.peakRssBytes)})`,
        '4 GB',
        tenK.clean.peakTotalRssBytes < 4e9,
      ),
    );
    const per1k = marginalMsPerDocument(r.builds, 1000);
    const per10k = marginalMsPerDocument(r.builds, 10_000);
    if (per1k !== undefined && per10k !== undefined) {
      rows.push(
        row(
          'ms per document at 10,000 within 1.2× the figure at 1,000 (beyond start-up)',
          `${ms(per10k)} vs ${ms(per1k)} (${(per10k / per1k).toFixed(2)}×)`,
          '1.2×',
          per10k <= 1.2 * per1k,
        ),
      );
    }
  } else if (stopped10k && stopped10k.clean.wallMs >= 600_000) {
    rows.push(
      row(
        '10,000 documents build in under 10 minutes',
        `did not finish in ${seconds(stopped10k.clean.wallMs)}`,
        '600 s',
        false,
      ),
      missing('10,000 documents: peak memory, ms per document', 'killed before the end', '—'),
    );
  } else {
    rows.push(
      missing(
        '10,000 documents: time, memory, ms per document',
        notBuilt(r, 10_000) ?? 'not built',
        '600 s, 4 GB, 1.2×',
      ),
    );
  }

  const site = siteSearch(r);
  const yardstick = r.search.find((s) => s.subject === 'pagefind default' && s.via === 'ui');
  if (site && site.queries.length > 0 && yardstick) {
    const over = site.queries.filter((q) => {
      const d = yardstick.queries.find((y) => y.query === q.query);
      return d !== undefined && q.bytes > d.bytes;
    });
    const worst = Math.max(...site.queries.map((q) => q.bytes));
    const least = Math.min(...yardstick.queries.map((q) => q.bytes));
    rows.push(
      row(
        'Search: a first query fetches no more than Pagefind’s default',
        `up to ${bytes(worst)} (${site.via === 'ui' ? site.path : 'Pagefind API'})`,
        `${bytes(least)}–${bytes(Math.max(...yardstick.queries.map((q) => q.bytes)))} (default, per query)`,
        over.length === 0,
      ),
    );
    const keystrokes = site.queries.flatMap((q) => q.keystrokeMs);
    rows.push(
      keystrokes.length > 0 && site.via === 'ui'
        ? row(
            'Search: later keystrokes show results in under 50 ms',
            `median ${ms(median(keystrokes)!)}, max ${ms(Math.max(...keystrokes))}`,
            '50 ms',
            Math.max(...keystrokes) < 50,
          )
        : missing('Search: later keystrokes under 50 ms', 'no search page to type into', '50 ms'),
    );
  } else {
    rows.push(
      missing(
        'Search: first query bytes and keystroke latency',
        site?.note ?? 'search not built yet',
        '≤ Pagefind default; 50 ms',
      ),
    );
  }
  return rows;
}

/** Why a corpus size has no figures: skipped (with the run's reason), failed, or killed. */
function notBuilt(r: Results, n: number): string | undefined {
  const skipped = r.skipped.find((s) => s.documents === n);
  if (skipped) return `skipped: ${skipped.reason}`;
  const build = r.builds.find((b) => b.documents === n);
  if (!build) return r.quick && n === 10_000 ? 'not built (quick)' : 'not built';
  if (build.clean.timedOut) return `did not finish in ${seconds(build.clean.wallMs)}`;
  return build.clean.ok ? undefined : 'the build failed';
}

function pct(x: number): string {
  return `${x >= 0 ? '+' : ''}${(x * 100).toFixed(1)}%`;
}

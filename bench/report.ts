import { bytes, cls, count, ms, ratio, seconds, table } from './format.ts';
import { CATEGORIES } from './lighthouse.ts';
import type { CorpusBuild, Results } from './results.ts';
import { median, type SearchResult } from './search.ts';
import { marginalMsPerDocument, type TargetRow } from './targets.ts';
import { KINDS, type PageWeight } from './weight.ts';

/** RESULTS.md from one run's figures. Pure: the same results always give the same text. */

const STATUS: Record<TargetRow['status'], string> = {
  pass: 'pass',
  fail: '**FAIL**',
  'not measured': 'not measured',
};

function buildRows(site: string, builds: readonly CorpusBuild[]): string[][] {
  return builds.map((b) => {
    const marginal = marginalMsPerDocument(builds, b.documents);
    const inc = b.incremental;
    return [
      site,
      count(b.documents),
      b.clean.ok ? count(b.pages) : '—',
      b.clean.ok
        ? `${seconds(b.clean.wallMs)}${b.cleanRunsMs.length > 1 ? ` (median of ${b.cleanRunsMs.map((m) => (m / 1000).toFixed(1)).join(', ')})` : ''}`
        : b.clean.timedOut
          ? `did not finish in ${seconds(b.clean.wallMs)} (killed)`
          : `failed (${b.clean.log})`,
      bytes(b.clean.peakTotalRssBytes),
      bytes(b.clean.peakRssBytes),
      b.clean.ok ? ms(b.clean.wallMs / b.documents) : '—',
      marginal !== undefined ? ms(marginal) : '—',
      inc ? (inc.ok ? seconds(inc.wallMs) : `failed (${inc.log})`) : '—',
      inc?.ok ? ratio(b.clean.wallMs, inc.wallMs) : '—',
    ];
  });
}

function weightRow(label: string, route: string, w: PageWeight): string[] {
  const pair = (k: (typeof KINDS)[number]) =>
    w.byKind[k].requests === 0
      ? '—'
      : `${count(w.byKind[k].raw)} / ${count(w.byKind[k].compressed)}`;
  return [
    label,
    `${route === w.path ? '' : `${route} → `}${w.path}`,
    count(w.requests),
    count(w.transferred),
    ...KINDS.map(pair),
    w.renderBlocking.length === 0 ? 'none' : w.renderBlocking.join(', '),
    `${(w.textWithoutJs * 100).toFixed(0)}%${w.readableWithoutJs ? `; ${w.readableWithoutJs.shown} of ${w.readableWithoutJs.total} texts of the document` : ''}`,
  ];
}

function searchRows(results: readonly SearchResult[]): string[][] {
  const label = (s: SearchResult) =>
    `${s.subject}, ${s.via === 'ui' ? `page ${s.path}` : 'Pagefind JS API'}, ${count(s.documents)} documents`;
  return results.flatMap((s) =>
    s.queries.length === 0
      ? [[label(s), '—', s.note ?? 'nothing measured', '', '', '', '']]
      : s.queries.map((q) => [
          label(s),
          q.query,
          count(q.bytes),
          count(q.requests),
          q.firstResultsMs !== undefined ? ms(q.firstResultsMs) : 'no results shown',
          q.keystrokeMs.length > 0
            ? `${ms(median(q.keystrokeMs)!)} / ${ms(Math.max(...q.keystrokeMs))}`
            : '—',
          count(q.results),
        ]),
  );
}

export function renderReport(r: Results, targets: readonly TargetRow[]): string {
  const out: string[] = [];
  const sizes = r.builds.map((b) => b.documents);
  out.push(
    '# Benchmark results',
    '',
    `Run ${r.date}, ${r.quick ? '**quick** (no 10,000-document corpus, no Starlight, no Lighthouse)' : 'full'}, ${seconds(r.seconds * 1000)} in all. ` +
      'How each figure is taken: [README.md](README.md). Regenerate with `npm run bench`.',
    '',
    table(
      ['Machine', ''],
      Object.entries(r.machine).map(([k, v]) => [k, v]),
    ),
    '',
    table(
      ['Versions', ''],
      Object.entries(r.versions).map(([k, v]) => [k, v]),
    ),
    '',
    '## Targets',
    '',
    table(
      ['Target', 'Measured', 'Limit', 'Result'],
      targets.map((t) => [t.target, t.measured, t.limit, STATUS[t.status]]),
    ),
    '',
    `Passed ${targets.filter((t) => t.status === 'pass').length}, failed ${targets.filter((t) => t.status === 'fail').length}, not measured ${targets.filter((t) => t.status === 'not measured').length}.`,
    '',
    '## Build',
    '',
    'Clean build: output and every cache removed first. Rebuild: the same build again after one ' +
      'document’s text changed, caches kept. Peak memory: the largest sum of the resident sets of ' +
      'all the build’s processes at one moment (sampled every 0.25 s), and the largest single ' +
      'process (GNU time). ' +
      'Beyond start-up: (time − time for 5) ÷ (documents − 5).',
    '',
    table(
      [
        'Site',
        'Documents',
        'Pages',
        'Clean build',
        'Peak memory, all processes',
        'Largest process',
        'ms / document',
        'ms / document beyond start-up',
        'Rebuild after one change',
        'Speed-up',
      ],
      [
        ...buildRows('this site', r.builds),
        ...r.skipped.map((k) => [
          'this site',
          count(k.documents),
          '—',
          `skipped: ${k.reason}`,
          '—',
          '—',
          '—',
          '—',
          '—',
        ]),
        ...(r.starlight ? buildRows('Starlight', r.starlight.builds) : []),
      ],
    ),
  );
  if (r.starlight) {
    const pairs = r.starlight.builds.flatMap((s) => {
      const ours = r.builds.find((b) => b.documents === s.documents);
      return ours?.clean.ok && s.clean.ok
        ? [
            [
              count(s.documents),
              ratio(ours.clean.wallMs, s.clean.wallMs),
              ratio(ours.clean.peakTotalRssBytes, s.clean.peakTotalRssBytes),
              ours.documentHtml && s.documentHtml
                ? ratio(ours.documentHtml.raw, s.documentHtml.raw)
                : '—',
            ],
          ]
        : [];
    });
    out.push(
      '',
      table(
        [
          'Documents',
          'Build time, this site ÷ Starlight',
          'Peak memory ratio',
          'Document HTML ratio',
        ],
        pairs,
      ),
    );
  }

  out.push(
    '',
    '## Page weight',
    '',
    'Five documents, served with gzip from 127.0.0.1, each page in a fresh browser context (cold ' +
      'cache), counted until the network has been quiet for a second. Sizes are bytes, raw / as ' +
      'sent; Transferred adds response headers. Text without JS: visible text with JavaScript ' +
      'off, as a share of the text with it on (scripts that add button labels make it dip below ' +
      '100%; the document’s own texts are checked one by one for the target).',
    '',
    table(
      [
        'Page type',
        'Route → page',
        'Requests',
        'Transferred',
        'HTML',
        'CSS',
        'JS',
        'Fonts',
        'Images',
        'Other',
        'Render-blocking',
        'Text without JS',
      ],
      [
        ...r.weights.map((w) => weightRow(w.role, w.route, w)),
        ...(r.starlight?.weight
          ? [weightRow('Starlight document', r.starlight.weight.path, r.starlight.weight)]
          : []),
      ],
    ),
  );
  const doc = r.weights.find((w) => w.role === 'document');
  if (doc && r.starlight?.weight) {
    out.push(
      '',
      `Document page, this site ÷ Starlight: ${ratio(doc.transferred, r.starlight.weight.transferred)} ` +
        `of the bytes (${count(doc.transferred)} vs ${count(r.starlight.weight.transferred)}), ` +
        `${count(doc.requests)} vs ${count(r.starlight.weight.requests)} requests.`,
    );
  }

  const routes = [...new Set(r.builds.flatMap((b) => b.types.map((t) => t.route)))];
  const typeAt = (b: CorpusBuild, route: string) => b.types.find((t) => t.route === route);
  out.push(
    '',
    '## HTML size by corpus size',
    '',
    'Raw HTML bytes of the same page at each corpus size, then the largest page each route made ' +
      '(an index that does not paginate grows here).',
    '',
    table(
      ['Route', 'Page', ...sizes.map(count)],
      [
        ...routes.map((route) => {
          const first = r.builds.map((b) => typeAt(b, route)).find(Boolean);
          return [
            `${route} (${first?.role ?? '?'})`,
            first?.path ?? '—',
            ...r.builds.map((b) => {
              const t = typeAt(b, route);
              return t && t.path === first?.path ? count(t.bytes) : '—';
            }),
          ];
        }),
        ...(r.starlight
          ? [
              [
                'Starlight document',
                `/${r.referenceDocument}/`,
                ...r.builds.map((b) => {
                  const s = r.starlight!.builds.find((x) => x.documents === b.documents);
                  return s?.documentHtml ? count(s.documentHtml.raw) : '—';
                }),
              ],
            ]
          : []),
      ],
    ),
    '',
    table(
      ['Route', ...sizes.map((n) => `largest at ${count(n)}`)],
      routes.map((route) => [
        route,
        ...r.builds.map((b) => {
          const t = typeAt(b, route);
          return t
            ? `${count(t.largest.bytes)} (${count(t.pages)} ${t.pages === 1 ? 'page' : 'pages'})`
            : '—';
        }),
      ]),
    ),
  );

  out.push('', '## Search', '');
  const indexes = r.builds.filter((b) => b.clean.ok);
  out.push(
    table(
      ['Documents', 'Search index (Pagefind bundle)'],
      indexes.map((b) => [
        count(b.documents),
        b.searchIndex
          ? `${bytes(b.searchIndex.bytes)} in ${count(b.searchIndex.files)} files`
          : 'not built yet',
      ]),
    ),
  );
  if (r.search.length > 0) {
    out.push(
      '',
      'Bytes fetched: Pagefind’s files, every script, and anything fetched after the page had ' +
        'loaded, headers included. First results: input event to the frame after results showed. ' +
        'Later keystrokes: up to three backspaces and retyping them, median / max.',
      '',
      table(
        [
          'Search',
          'Query',
          'Bytes fetched',
          'Requests',
          'First results',
          'Later keystrokes',
          'Results',
        ],
        searchRows([...r.search, ...(r.starlight?.search ? [r.starlight.search] : [])]),
      ),
    );
  }
  if (!r.search.some((s) => s.subject === 'site')) {
    out.push('', 'The site’s own search: not built yet (no Pagefind bundle, no search page).');
  }

  if (r.ingest) {
    const i = r.ingest;
    out.push(
      '',
      '## Ingest',
      '',
      table(
        ['Inputs', 'Ingested', 'Refused', 'Time', 'Documents per second'],
        [
          [
            count(i.inputs),
            count(i.ingested),
            count(i.refused),
            seconds(i.seconds * 1000),
            i.documentsPerSecond.toFixed(0),
          ],
        ],
      ),
    );
    if (i.firstRefusal) out.push('', `First refusal: ${i.firstRefusal}`);
  }

  if (r.cards) {
    const c = r.cards;
    out.push(
      '',
      '## Card images',
      '',
      'Drawn one after another without the cache, as a clean build draws them (on its worker threads).',
      '',
      table(
        ['Cards', 'First card', 'Per card (wall)', 'Per card (CPU)', 'Mean size', 'Largest'],
        [
          [
            count(c.cards),
            ms(c.firstCardMs),
            ms(c.msPerCard),
            ms(c.cpuMsPerCard),
            bytes(Math.round(c.meanBytes)),
            bytes(c.maxBytes),
          ],
        ],
      ),
    );
  }

  const lighthouse = [
    ...r.lighthouse.map((l) => ({ site: 'this site', label: l.role, ...l })),
    ...(r.starlight?.lighthouse ?? []).map((l) => ({ site: 'Starlight', label: 'document', ...l })),
  ];
  out.push('', '## Lighthouse', '');
  out.push(
    lighthouse.length === 0
      ? 'Not run (quick run).'
      : table(
          ['Site', 'Page type', 'Page', 'Form factor', ...CATEGORIES, 'CLS', 'Points lost on'],
          lighthouse.map((l) => [
            l.site,
            l.label,
            l.path,
            l.formFactor,
            ...CATEGORIES.map((c) => (l.scores[c] !== undefined ? String(l.scores[c]) : '—')),
            l.cls !== undefined ? cls(l.cls) : '—',
            l.error ?? (l.failing.join(', ') || '—'),
          ]),
        ),
  );

  if (r.errors.length > 0) {
    out.push('', '## Errors', '', ...r.errors.map((e) => `- ${e}`));
  }
  return `${out.join('\n')}\n`;
}

import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { HtmlValidate } from 'html-validate';
import { beforeAll, describe, expect, it } from 'vitest';
import CentralAsiaMap from '../../../src/components/map/CentralAsiaMap.astro';
import { buildMentionIndex } from '../../../src/lib/entities/graph.ts';
import { countryCounts } from '../../../src/lib/map/counts.ts';
import { documents, registry, root } from '../entities/corpus.ts';
import { all, attr, one, parse, text, withClass } from './dom.ts';

// The component rendered with Astro's Container API, on the real counts: what a page gets.

const counts = countryCounts(buildMentionIndex(documents, registry), registry);
const hrefFor = (id: string) => (id in counts.mentions ? `/entities/${id}/` : undefined);

let container: AstroContainer;
// In Vitest, Astro renders in development mode and marks each element with its source line.
const render = async (props: Record<string, unknown>) =>
  (await container.renderToString(CentralAsiaMap, { props })).replaceAll(
    / data-astro-source-(?:file|loc)="[^"]*"/g,
    '',
  );

beforeAll(async () => {
  container = await AstroContainer.create();
});

describe('the Central Asia map component', () => {
  let html: string;
  beforeAll(async () => {
    html = await render({
      counts: counts.mentions,
      documents: counts.documents,
      hrefFor,
      caption: 'Countries by mentions.',
    });
  });

  it('is an SVG named by its title and described by its desc', () => {
    const svg = one(parse(html), 'svg');
    const title = one(svg, 'title');
    const desc = one(svg, 'desc');
    expect(attr(svg, 'aria-labelledby')).toBe(attr(title, 'id'));
    expect(attr(svg, 'aria-describedby')).toBe(attr(desc, 'id'));
    expect(text(title)).toMatch(/^Map of Central Asia/);
    expect(text(desc)).toMatch(/Most mentioned: Kazakhstan \(\d+\)/);
    expect(attr(svg, 'viewBox')).toBe('0 0 400 280');
    // Links inside role="img" would be hidden from assistive technology: a group keeps them.
    expect(attr(svg, 'role')).toBe('group');
  });

  it('makes each registry country on the map a link named with its counts', () => {
    const svg = one(parse(html), 'svg');
    const links = all(svg, 'a');
    const byHref = new Map(links.map((a) => [attr(a, 'href'), attr(a, 'aria-label')]));
    expect(byHref.get('/entities/kazakhstan/')).toBe(
      `Kazakhstan: ${counts.mentions['kazakhstan']} mentions in ${counts.documents['kazakhstan']} documents`,
    );
    for (const id of ['kyrgyzstan', 'tajikistan', 'turkmenistan', 'uzbekistan', 'afghanistan']) {
      expect(byHref.get(`/entities/${id}/`), id).toMatch(
        /^[A-Z][a-z]+: \d+ mentions? in \d+ documents?$/,
      );
    }
    expect(links).toHaveLength(18);
    for (const a of links) expect(all(a, 'path')).toHaveLength(1);
    // Countries outside the registry are drawn, not linked.
    expect(all(svg, 'path').length).toBeGreaterThan(links.length);
    expect(html).not.toContain('aria-current');
  });

  it('explains the shading and gives the numbers in text', () => {
    const caption = one(parse(html), 'figcaption');
    const legend = all(withClass(caption, 'ul', 'legend')[0]!, 'li').map(text);
    expect(legend[0]).toBe('Not named');
    expect(legend.at(-1)).toMatch(/^\d+–\d+ mentions$/);
    const details = one(caption, 'details');
    const items = all(details, 'li').map(text);
    expect(items[0]).toBe(
      `Kazakhstan: ${counts.mentions['kazakhstan']} mentions in ${counts.documents['kazakhstan']} documents`,
    );
    expect(all(details, 'a').map((a) => attr(a, 'href'))).toContain('/entities/kazakhstan/');
    expect(text(one(caption, 'p'))).toBe('Countries by mentions.');
  });

  it('has no script and no inline style, and is valid HTML by the site rules', async () => {
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/\sstyle=/i);
    expect(html).not.toMatch(/\son[a-z]+=/i);
    const rules = JSON.parse(readFileSync(join(root, '.htmlvalidate.json'), 'utf8'));
    const validator = new HtmlValidate(rules);
    const report = await validator.validateString(html);
    expect(
      report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId}: ${m.message}`)),
    ).toEqual([]);
  });

  it('stays small: the SVG under 25 KB', () => {
    const svg = html.slice(html.indexOf('<svg'), html.indexOf('</svg>') + 6);
    expect(svg.length).toBeLessThan(25_000);
    expect(gzipSync(svg).length).toBeLessThan(9_000);
  });

  it('is the same on every render', async () => {
    expect(
      await render({
        counts: counts.mentions,
        documents: counts.documents,
        hrefFor,
        caption: 'Countries by mentions.',
      }),
    ).toBe(html);
  });
});

describe('on a country page', () => {
  it('outlines the country and marks its link as the current page', async () => {
    const doc = parse(await render({ counts: counts.mentions, hrefFor, highlight: 'tajikistan' }));
    const links = all(one(doc, 'svg'), 'a');
    const current = links.filter((a) => attr(a, 'aria-current') === 'page');
    expect(current.map((a) => attr(a, 'href'))).toEqual(['/entities/tajikistan/']);
    expect(attr(one(current[0]!, 'path'), 'class')).toMatch(/\bhere\b/);
    // Drawn last, so that no neighbour covers its outline.
    expect(links.at(-1)).toBe(current[0]);
    expect(attr(current[0]!, 'aria-label')).toMatch(/^Tajikistan: \d+ mentions$/);
    const listed = all(one(doc, 'details'), 'a').filter((a) => attr(a, 'aria-current') === 'page');
    expect(listed.map(text)).toEqual(['Tajikistan']);
  });

  it('says so when the country of the page is outside the map', async () => {
    const away = await render({ counts: counts.mentions, hrefFor, highlight: 'japan' });
    expect(away).toContain('This country lies outside the area shown.');
    expect(away).not.toContain('aria-current');
    const here = await render({ counts: counts.mentions, hrefFor, highlight: 'iran' });
    expect(here).not.toContain('outside the area shown');
  });

  it('links nothing when no country has a page', async () => {
    const html = await render({ counts: counts.mentions, hrefFor: () => undefined });
    expect(html).not.toMatch(/<a\s/);
  });
});

import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { AxeResults, Result } from 'axe-core';
import { describe, expect, test } from 'vitest';
import { discoverPageTypes } from './helpers/pages.ts';
import { distDir, repoRoot } from './helpers/paths.ts';
import { openBuiltSite } from './helpers/site.ts';

// axe-core on every page type, light and dark, narrow and wide: zero violations of any of its
// (non-experimental) rules. A failure lists each violation with the elements to fix.

const types = discoverPageTypes(distDir());
const SCHEMES = ['light', 'dark'] as const;
const WIDTHS = [360, 1280] as const;
const axeSource = readFileSync(path.join(repoRoot, 'node_modules/axe-core/axe.min.js'), 'utf8');

const site = openBuiltSite();

/** One line per violation and one per offending element, with axe's own "fix" summary. */
function formatViolations(violations: Result[]): string {
  return violations
    .map((v) => {
      const nodes = v.nodes.map((node) => {
        const [head = '', ...items] = (node.failureSummary ?? '')
          .split('\n')
          .map((line) => line.trim())
          .filter(Boolean);
        const summary = `${head} ${items.join('; ')}`.trim();
        return `    at ${node.target.join(' ')}\n      ${node.html.slice(0, 160)}\n      ${summary}`;
      });
      return `  ${v.id} (${v.impact ?? 'n/a'}): ${v.help}\n    ${v.helpUrl}\n${nodes.join('\n')}`;
    })
    .join('\n');
}

for (const type of types) {
  describe(`${type.pattern} (opened: ${type.sample.route})`, () => {
    for (const scheme of SCHEMES) {
      for (const width of WIDTHS) {
        test(`axe: ${scheme}, ${width}px`, async () => {
          const page = await site.browser.context.newPage();
          try {
            await page.setViewportSize({ width, height: 800 });
            await page.emulateMedia({ colorScheme: scheme });
            const response = await page.goto(site.server.origin + encodeURI(type.sample.route), {
              waitUntil: 'load',
            });
            expect(response?.status(), `HTTP status of ${type.sample.route}`).toBe(200);
            await page.evaluate(() => document.fonts.ready.then(() => undefined));
            await page.addScriptTag({ content: axeSource });
            const results = await page.evaluate(() => {
              const { axe } = window as unknown as { axe: typeof import('axe-core') };
              return axe.run(document, { resultTypes: ['violations'] });
            });
            // axe ran for real: it evaluated rules on this page.
            expect(results.passes.length + results.violations.length).toBeGreaterThan(0);
            const report = formatViolations(results.violations);
            expect(
              summarize(results),
              `axe violations on ${type.sample.route} (${scheme}, ${width}px):\n${report}`,
            ).toEqual([]);
          } finally {
            await page.close();
          }
        });
      }
    }
  });
}

/** Compact form for the assertion diff: one entry per violation and element. */
function summarize(results: AxeResults): string[] {
  return results.violations.flatMap((v) =>
    v.nodes.map((node) => `${v.id}: ${v.help} @ ${node.target.join(' ')}`),
  );
}

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { HtmlValidate, StaticConfigLoader, type ConfigData, type Message } from 'html-validate';
import { describe, expect, test } from 'vitest';
import { discoverPageTypes } from './helpers/pages.ts';
import { distDir, repoRoot } from './helpers/paths.ts';

// html-validate on every built page, with .htmlvalidate.json (html-validate:recommended): zero
// errors. A rule may be relaxed there only when it is wrong for static Astro output, and only
// with its reason recorded here (the JSON file cannot hold comments); the first test holds the
// two in step.

/** Rules relaxed in .htmlvalidate.json, each with the reason it is wrong for this site. */
const RELAXED_RULES: Record<string, string> = {};

const configFile = path.join(repoRoot, '.htmlvalidate.json');
const config = JSON.parse(readFileSync(configFile, 'utf8')) as ConfigData;
const validator = new HtmlValidate(new StaticConfigLoader(config));
const types = discoverPageTypes(distDir());

test('.htmlvalidate.json relaxes only the rules documented in html.test.ts', () => {
  const relaxed = Object.entries(config.rules ?? {})
    .filter(([, setting]) => {
      const severity = Array.isArray(setting) ? setting[0] : setting;
      return severity === 'off' || severity === 0 || severity === 'warn' || severity === 1;
    })
    .map(([rule]) => rule)
    .sort();
  expect(relaxed).toEqual(Object.keys(RELAXED_RULES).sort());
});

function format(route: string, m: Message): string {
  return `${route}:${m.line}:${m.column} ${m.ruleId}: ${m.message}${m.selector ? ` (${m.selector})` : ''}`;
}

for (const type of types) {
  describe(`${type.pattern} (${type.pages.length} page${type.pages.length === 1 ? '' : 's'})`, () => {
    test('html-validate: no errors', async () => {
      const errors: string[] = [];
      for (const page of type.pages) {
        const report = await validator.validateFile(page.file);
        for (const result of report.results) {
          for (const m of result.messages) if (m.severity === 2) errors.push(format(page.route, m));
        }
      }
      expect(errors).toEqual([]);
    });
  });
}

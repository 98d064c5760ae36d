import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CHROMIUM } from '../tests/site/helpers/browser.ts';
import { CHROMIUM_FLAGS } from './browser.ts';

/** Lighthouse (npm `lighthouse`) on Debian's Chromium, through its CLI so that each run has a
 * Chrome of its own, as Lighthouse expects. */

export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
export type Category = (typeof CATEGORIES)[number];
export type FormFactor = 'mobile' | 'desktop';

export interface LighthouseResult {
  path: string;
  formFactor: FormFactor;
  /** 0 to 100, as Lighthouse shows them; undefined when the category could not be scored. */
  scores: Partial<Record<Category, number>>;
  cls?: number;
  /** Audits that cost points, by id, for the report's detail. */
  failing: string[];
  error?: string;
}

interface Report {
  categories: Record<string, { score: number | null; auditRefs: { id: string; weight: number }[] }>;
  audits: Record<string, { score: number | null; numericValue?: number }>;
  runtimeError?: { message: string };
}

/** Reads a Lighthouse JSON report. Pure. */
export function readReport(
  report: Report,
): Pick<LighthouseResult, 'scores' | 'cls' | 'failing'> & { error?: string } {
  const scores: Partial<Record<Category, number>> = {};
  const failing = new Set<string>();
  for (const category of CATEGORIES) {
    const c = report.categories[category];
    if (c?.score != null) scores[category] = Math.round(c.score * 100);
    for (const ref of c?.auditRefs ?? []) {
      const score = report.audits[ref.id]?.score;
      if (ref.weight > 0 && score != null && score < 1) failing.add(ref.id);
    }
  }
  const cls = report.audits['cumulative-layout-shift']?.numericValue;
  return {
    scores,
    ...(cls !== undefined ? { cls } : {}),
    failing: [...failing],
    ...(report.runtimeError ? { error: report.runtimeError.message } : {}),
  };
}

export async function runLighthouse(
  project: string,
  url: string,
  path: string,
  formFactor: FormFactor,
  outFile: string,
): Promise<LighthouseResult> {
  const args = [
    join(project, 'node_modules', 'lighthouse', 'cli', 'index.js'),
    url,
    '--output=json',
    `--output-path=${outFile}`,
    '--quiet',
    `--only-categories=${CATEGORIES.join(',')}`,
    `--chrome-flags=${CHROMIUM_FLAGS.join(' ')}`,
    ...(formFactor === 'desktop' ? ['--preset=desktop'] : []),
  ];
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      env: { ...process.env, CHROME_PATH: CHROMIUM },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-2000)));
    child.on('error', reject);
    child.on('close', (c) => {
      if (c !== 0) console.error(stderr);
      resolve(c);
    });
  });
  try {
    const report = JSON.parse(readFileSync(outFile, 'utf8')) as Report;
    return { path, formFactor, ...readReport(report) };
  } catch {
    return { path, formFactor, scores: {}, failing: [], error: `lighthouse exited with ${code}` };
  }
}

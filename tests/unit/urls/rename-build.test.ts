import { existsSync, readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildIn, scratchProject } from '../../helpers/scratch-build.ts';

// Renaming a document's entry (its slug) adds a redirect from the recorded URL: checked by a real
// build of a scratch copy of the project with one entry renamed.

const scratch = scratchProject('rename-build');
afterAll(() => scratch.remove());

describe('a renamed document', { timeout: 600_000 }, () => {
  it('redirects from its recorded URL to the new one', () => {
    const docs = join(scratch.dir, 'src/content/documents');
    renameSync(
      join(docs, 'renewing-central-asian-partnerships.mdx'),
      join(docs, 'nato-in-central-asia.mdx'),
    );
    buildIn(scratch.dir);
    const old = join(scratch.dir, 'dist/documents/renewing-central-asian-partnerships/index.html');
    expect(existsSync(join(scratch.dir, 'dist/documents/nato-in-central-asia/index.html'))).toBe(
      true,
    );
    expect(existsSync(old)).toBe(true);
    expect(readFileSync(old, 'utf8')).toMatch(
      /http-equiv="refresh" content="\d+;url=\/documents\/nato-in-central-asia\/"/,
    );
  });
});

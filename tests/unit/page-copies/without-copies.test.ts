import { existsSync, mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { loadBuildCache } from '../../../src/integrations/page-copies/index.ts';
import { withoutPageCopies } from '../../../src/integrations/page-copies/without-copies.ts';

// Run against the installed Astro's own build cache class: if an Astro upgrade moves it or
// changes what it does, this fails, and src/integrations/page-copies/ needs a look.

const dir = mkdtempSync(join(tmpdir(), 'page-copies-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const settings = { config: { cacheDir: pathToFileURL(join(dir, 'cache') + '/') } };
const copyOf = (page: string) => join(dir, 'cache', 'dist', page);

type Cache = {
  writeOutputFile(settings: unknown, file: string, body: Buffer): Promise<void>;
  restoreOutputFile(settings: unknown, file: string, to: URL): Promise<boolean>;
};

describe("Astro's build cache without page copies", () => {
  it('finds the class in the installed Astro, which copies pages until told not to', async () => {
    const proto = await loadBuildCache();
    if (typeof proto === 'string') throw new Error(proto);
    const BuildCache = proto.constructor as new (...args: string[]) => Cache;
    const page = 'documents/a/index.html';
    const restored = join(dir, 'out', page);
    mkdirSync(join(dir, 'out', 'documents', 'a'), { recursive: true });

    // As Astro has it: the page is copied into the cache, and restored from there.
    await new BuildCache('config', 'lockfile', 'key').writeOutputFile(
      settings,
      page,
      Buffer.from('<p>first</p>'),
    );
    expect(readFileSync(copyOf(page), 'utf8')).toBe('<p>first</p>');
    expect(
      await new BuildCache('c', 'l', 'k').restoreOutputFile(
        settings,
        page,
        pathToFileURL(restored),
      ),
    ).toBe(true);
    rmSync(restored);

    withoutPageCopies(proto);
    const cache = new BuildCache('config', 'lockfile', 'key');
    await cache.writeOutputFile(settings, 'documents/b/index.html', Buffer.from('<p>b</p>'));
    expect(existsSync(copyOf('documents/b/index.html'))).toBe(false);
    // A copy an earlier build left is not restored either: it may be older than its page.
    writeFileSync(copyOf(page), '<p>old</p>');
    expect(await cache.restoreOutputFile(settings, page, pathToFileURL(restored))).toBe(false);
    expect(existsSync(restored)).toBe(false);
  });
});

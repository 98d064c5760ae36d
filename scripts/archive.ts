import { spawnSync } from 'node:child_process';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { makeArchive } from '../src/archive/archive.ts';
import { SITE } from '../src/config/site.ts';

/** `npm run archive [-- --no-build] [--out archive/]`: builds the site, then writes a dated zip
 * that works opened from disk, and a WARC of the same pages under their published URLs. */

const args = process.argv.slice(2);
const outDir = args.includes('--out') ? args[args.indexOf('--out') + 1]! : 'archive';

if (!args.includes('--no-build')) {
  const build = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build'], {
    stdio: 'inherit',
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
  });
  if (build.status !== 0) {
    console.error('archive: the build failed; nothing was written.');
    process.exit(1);
  }
}

try {
  const archive = await makeArchive({
    distDir: 'dist',
    name: SITE.name,
    origin: SITE.origin,
    base: SITE.base,
    date: new Date(),
  });
  mkdirSync(outDir, { recursive: true });
  for (const [name, bytes] of [
    [archive.zipName, archive.zip],
    [archive.warcName, archive.warc],
  ] as const) {
    const target = path.join(outDir, name);
    writeFileSync(`${target}.tmp`, bytes);
    renameSync(`${target}.tmp`, target);
    console.log(`${target}  ${(bytes.length / 1024).toFixed(0)} KB`);
  }
  console.log(
    `${archive.files.length} files; open ${archive.folder}/index.html from the unzipped copy.`,
  );
} catch (error) {
  console.error(`archive: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}

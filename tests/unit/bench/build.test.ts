import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { groupRssBytes, statRss } from '../../../bench/build.ts';

// The benchmark's memory figure sums the build's processes (Node and Pagefind's indexer run at
// once); read from /proc, checked here on this test's own process.

const stat = readFileSync('/proc/self/stat', 'utf8');
const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
const group = Number(fields[2]);
const ownRss = Number(fields[21]) * 4096;

describe('memory of a process group', () => {
  it('reads the resident set of a process in the group, and nothing of one outside it', () => {
    expect(statRss(stat, group)).toBe(ownRss);
    expect(statRss(stat, group + 1)).toBe(0);
    // A command name with spaces and parentheses does not shift the fields.
    const odd = stat.replace(/\(([^)]*)\)/, '(a) b (c)');
    expect(statRss(odd, group)).toBe(ownRss);
  });

  it('sums at least this process for its own group', () => {
    expect(ownRss).toBeGreaterThan(10e6);
    expect(groupRssBytes(group)).toBeGreaterThanOrEqual(ownRss * 0.9);
  });
});

import { spawn } from 'node:child_process';
import { createWriteStream, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** One timed build. */
export interface BuildRun {
  ok: boolean;
  /** Wall time measured around the process, in milliseconds. */
  wallMs: number;
  /** Largest resident set of the build or any process it waited for (GNU time's "Maximum
   * resident set size"; a child such as Pagefind counts on its own, not added to Node's). */
  peakRssBytes: number;
  /** Largest sum of the resident sets of all the build's processes at one moment (npm, the
   * build script, Astro's Node, Pagefind's indexer: whichever run side by side), sampled every
   * quarter second: what the machine must hold. */
  peakTotalRssBytes: number;
  userSeconds: number;
  systemSeconds: number;
  log: string;
  /** Killed at the time limit: wallMs is then the limit, a lower bound. */
  timedOut?: boolean;
}

/** Reads what `/usr/bin/time -v` wrote. */
export function parseGnuTime(text: string): {
  peakRssBytes: number;
  userSeconds: number;
  systemSeconds: number;
  exitStatus: number;
} {
  const field = (label: string): number => {
    const m = text.match(new RegExp(`${label}: ([\\d.]+)`));
    return m ? Number(m[1]) : NaN;
  };
  return {
    peakRssBytes: field('Maximum resident set size \\(kbytes\\)') * 1024,
    userSeconds: field('User time \\(seconds\\)'),
    systemSeconds: field('System time \\(seconds\\)'),
    exitStatus: field('Exit status'),
  };
}

const PAGE_BYTES = 4096;

/** The summed resident set of the processes in process group `group`, from /proc (Linux). */
export function groupRssBytes(group: number, proc = '/proc'): number {
  let total = 0;
  for (const name of readdirSync(proc)) {
    if (!/^\d+$/.test(name)) continue;
    let stat: string;
    try {
      stat = readFileSync(`${proc}/${name}/stat`, 'utf8');
    } catch {
      continue; // The process ended while the list was read.
    }
    total += statRss(stat, group);
  }
  return total;
}

/** Resident bytes of one /proc/<pid>/stat line if the process is in `group`, else 0. The
 * command name (2nd field) may hold spaces and parentheses: fields are counted after its ")". */
export function statRss(stat: string, group: number): number {
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // After the name: state(3) ppid(4) pgrp(5) ... rss(24), numbered from 1 in proc(5).
  return Number(fields[2]) === group ? Number(fields[21]) * PAGE_BYTES : 0;
}

/**
 * Runs `command` in `cwd` under GNU time, with the project's own Node first on PATH (the system
 * Node is too old for Astro 7), and the output going to `log`. At `timeoutMs` the whole process
 * group it started is killed, so a build that hangs cannot hold up the run.
 */
export function timeCommand(
  cwd: string,
  command: string,
  log: string,
  timeoutMs = Infinity,
): Promise<BuildRun> {
  const timeFile = `${log}.time`;
  const env = {
    ...process.env,
    ASTRO_TELEMETRY_DISABLED: '1',
    PATH: [join(cwd, 'node_modules', '.bin'), dirname(process.execPath), process.env.PATH].join(
      ':',
    ),
  };
  const out = createWriteStream(log);
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn('/usr/bin/time', ['-v', '-o', timeFile, 'sh', '-c', command], {
      cwd,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let peakTotal = 0;
    const sampler = setInterval(() => {
      peakTotal = Math.max(peakTotal, groupRssBytes(child.pid!));
    }, 250);
    let timedOut = false;
    const timer = Number.isFinite(timeoutMs)
      ? setTimeout(() => {
          timedOut = true;
          process.kill(-child.pid!, 'SIGKILL');
        }, timeoutMs)
      : undefined;
    child.stdout.pipe(out, { end: false });
    child.stderr.pipe(out, { end: false });
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      clearInterval(sampler);
      const wallMs = timedOut ? timeoutMs : performance.now() - started;
      out.end();
      let timed = { peakRssBytes: NaN, userSeconds: NaN, systemSeconds: NaN, exitStatus: NaN };
      try {
        timed = parseGnuTime(readFileSync(timeFile, 'utf8'));
      } catch {
        // No time file means GNU time itself failed; the exit code below says so.
      }
      resolve({
        ok: code === 0 && !timedOut,
        ...(timedOut ? { timedOut } : {}),
        wallMs,
        peakRssBytes: timed.peakRssBytes,
        peakTotalRssBytes: peakTotal || NaN,
        userSeconds: timed.userSeconds,
        systemSeconds: timed.systemSeconds,
        log,
      });
    });
  });
}

/**
 * A clean build up to `runs` times, `prepare` (removing output and caches) before each. The run
 * with the median wall time stands for all of them: on a shared two-core machine the first build
 * often pays for cold disk caches, and one slow outlier should not decide a target. A build slower
 * than `repeatBelowMs` is not repeated: start-up noise no longer matters at that length.
 */
export async function timeCleanBuilds(
  cwd: string,
  command: string,
  logBase: string,
  runs: number,
  prepare: () => void,
  timeoutMs = Infinity,
  repeatBelowMs = 30_000,
): Promise<{ median: BuildRun; wallMs: number[] }> {
  const all: BuildRun[] = [];
  for (let i = 1; i <= runs; i++) {
    prepare();
    all.push(await timeCommand(cwd, command, `${logBase}-${i}.log`, timeoutMs));
    if (!all.at(-1)!.ok || all.at(-1)!.wallMs > repeatBelowMs) break;
  }
  const wallMs = all.map((r) => r.wallMs);
  if (!all.at(-1)!.ok) return { median: all.at(-1)!, wallMs };
  const sorted = [...all].sort((a, b) => a.wallMs - b.wallMs);
  return { median: sorted[Math.floor((sorted.length - 1) / 2)]!, wallMs };
}

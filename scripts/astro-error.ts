/**
 * What `npm run build` says when `astro build` fails: Astro's error report as one line. For an
 * expected failure (an entry that breaks the schema, a former id pointing nowhere) Astro writes
 * the message, then a "Hint:" that is not about it (browser APIs), the error's reference page,
 * its location and a stack trace. The line keeps the message (every line of it: the schema's
 * field problems are on lines of their own) and the file it names; the whole report is kept
 * elsewhere by the caller, so nothing is lost.
 */

/** The labelled sections Astro writes after an error's message. */
const SECTION = /^\s*(Hint|Error reference|Location|Stack trace):\s*$/;

export function astroErrorLine(stderr: string): string {
  const lines = stderr.split(/\r?\n/);
  const sectionAt = (label: string) =>
    lines.findIndex((l) => SECTION.test(l) && l.trim() === `${label}:`);
  const end = lines.findIndex((l) => SECTION.test(l));
  const message = (end < 0 ? lines : lines.slice(0, end))
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .map((l) => l.replace(/^\[\w+\]\s*/, ''))
    .reduce((text, l) => (text ? `${text}${/[.:;]$/.test(text) ? ' ' : '; '}${l}` : l), '');
  const locationAt = sectionAt('Location');
  const location =
    locationAt < 0
      ? undefined
      : lines[locationAt + 1]?.trim().replace(/:0:0$/, '').replace(/^"|"$/g, '');
  if (!message) return 'astro build failed without saying why';
  return location && !message.includes(location) ? `${location}: ${message}` : message;
}

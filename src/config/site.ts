/**
 * Everything a deployer changes, in one place. `SITE_ORIGIN` and `SITE_BASE` in the environment
 * override the defaults at build time.
 */
export interface SiteConfig {
  /** The publication's name, used in the header, titles and feeds. */
  name: string;
  /** One sentence on what it is, for search engines and link previews. */
  description: string;
  /** Canonical origin, without a trailing slash. */
  origin: string;
  /** Path the site is served under, with leading and trailing slash. */
  base: string;
  /** Language of the interface. */
  language: string;
}

function normalizeBase(base: string): string {
  const trimmed = base.replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}

export const SITE: SiteConfig = {
  name: 'Central Asia Security Briefing',
  description:
    'Policy reports, articles and analyses on security in Central Asia, each with a summary, key points and a record of its source.',
  origin: (process.env.SITE_ORIGIN ?? 'https://briefing.example.org').replace(/\/+$/, ''),
  base: normalizeBase(process.env.SITE_BASE ?? '/'),
  language: 'en',
};

import type { BuildRun } from './build.ts';
import type { IngestResult } from './ingest.ts';
import type { CardBenchResult } from './cards.ts';
import type { LighthouseResult } from './lighthouse.ts';
import type { PageType, Role } from './pages.ts';
import type { SearchResult } from './search.ts';
import type { PageWeight } from './weight.ts';

/** Everything one run measured: written to bench/work/results.json, read by targets and report. */

export interface CorpusBuild {
  documents: number;
  /** The clean build with the median wall time of `cleanRunsMs`. */
  clean: BuildRun;
  cleanRunsMs: number[];
  /** The same build again after one document's text changed; caches kept. */
  incremental?: BuildRun;
  pages: number;
  types: PageType[];
  /** The reference document's page, raw and gzip. */
  documentHtml?: { raw: number; gzip: number };
  /** Pagefind's bundle, when the build made one. */
  searchIndex?: { bytes: number; files: number };
}

export interface MeasuredPage extends PageWeight {
  route: string;
  role: Role;
}

export interface Results {
  date: string;
  quick: boolean;
  seconds: number;
  machine: Record<string, string>;
  versions: Record<string, string>;
  referenceDocument: string;
  builds: CorpusBuild[];
  weights: MeasuredPage[];
  search: SearchResult[];
  ingest?: IngestResult;
  /** Card images drawn without the cache. */
  cards?: CardBenchResult;
  lighthouse: (LighthouseResult & { role: Role })[];
  starlight?: {
    versions: Record<string, string>;
    builds: CorpusBuild[];
    weight?: PageWeight;
    search?: SearchResult;
    lighthouse: LighthouseResult[];
  };
  /** Corpus sizes not built, with why (a smaller build failed, or this one would overrun). */
  skipped: { documents: number; reason: string }[];
  /** Parts that failed to run, with why: a failure is reported, never turned into a figure. */
  errors: string[];
}

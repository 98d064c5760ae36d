// citation-js ships no types; what the tests use of it.
declare module '@citation-js/core' {
  export interface CslName {
    family?: string;
    given?: string;
    literal?: string;
  }
  export interface CslItem {
    type: string;
    title?: string;
    author?: CslName[];
    issued?: { 'date-parts'?: number[][] };
    publisher?: string;
    'container-title'?: string;
    URL?: string;
    note?: string;
    genre?: string;
    [field: string]: unknown;
  }
  export class Cite {
    constructor(data: unknown, options?: { forceType?: string });
    data: CslItem[];
  }
}
declare module '@citation-js/plugin-bibtex';
declare module '@citation-js/plugin-ris';

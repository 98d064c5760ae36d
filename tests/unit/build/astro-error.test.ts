import { describe, expect, it } from 'vitest';
import { astroErrorLine } from '../../../scripts/astro-error.ts';

// What `astro build` wrote to stderr for the two expected failures of the real documents (paths
// of the machine in the stack traces replaced by <project>): an entry whose type is not one of
// the schema's, and a former id pointing at a block the text does not have.
const schemaError = `[InvalidContentEntryDataError] documents → central-asian-security-two-recommendations-for-international-action data does not match collection schema.

  type: Invalid option: expected one of "policy-report"|"policy-brief"|"journal-article"|"news-analysis"|"commentary"|"article"

  Hint:
    Browser APIs are not available on the server.
    
    If the code is in a framework component, try to access these objects after rendering using lifecycle methods or use a \`client:only\` directive to make the component exclusively run on the client.
    
    See https://docs.astro.build/en/guides/troubleshooting/#document-or-window-is-not-defined for more information.
    		
  Error reference:
    https://docs.astro.build/en/reference/errors/invalid-content-entry-data-error/
  Location:
    src/content/documents/central-asian-security-two-recommendations-for-international-action.mdx:0:0
  Stack trace:
    at getEntryData (file:///<project>/node_modules/astro/dist/content/utils.js:160:26)
    at async Object.load (/<project>/src/lib/documents-loader/loader.ts:44:7)
    at async #doSync (file:///<project>/node_modules/astro/dist/content/content-layer.js:220:5)
`;
const formerIdError = `src/content/documents/foreign-military-assistance-to-central-asia-conclusions-and-recommendations.mdx: formerIds: "p-abc123" points at "p-000000", which the text does not have; point it at a heading or paragraph id of the text
  Hint:
    Browser APIs are not available on the server.
    
    If the code is in a framework component, try to access these objects after rendering using lifecycle methods or use a \`client:only\` directive to make the component exclusively run on the client.
    
    See https://docs.astro.build/en/guides/troubleshooting/#document-or-window-is-not-defined for more information.
    		
  Stack trace:
    at fail (file:///<project>/dist/.prerender/chunks/crosslinks_VYNXF6xm.mjs:936:33)
    at async Module.getStaticPaths (file:///<project>/dist/.prerender/chunks/_slug__jPiMrBTF.mjs:635:35)
    at async #getPathsForRoute (file:///<project>/node_modules/astro/dist/runtime/prerender/static-paths.js:55:25)
    at async generatePages (file:///<project>/node_modules/astro/dist/core/build/generate.js:90:29)
    at async Object.buildApp (file:///<project>/node_modules/vite/dist/node/chunks/node.js:35202:5)
`;

describe('the one line npm run build gives for a failed astro build', () => {
  it('names the entry and the field the schema refused, without hint or stack trace', () => {
    const line = astroErrorLine(schemaError);
    expect(line).toBe(
      'src/content/documents/central-asian-security-two-recommendations-for-international-action.mdx: ' +
        'documents → central-asian-security-two-recommendations-for-international-action data does not match collection schema. ' +
        'type: Invalid option: expected one of "policy-report"|"policy-brief"|"journal-article"|"news-analysis"|"commentary"|"article"',
    );
    expect(line).not.toMatch(/\n|Hint|Browser APIs|Stack trace|at /);
  });

  it('keeps a message that already names its file as it is', () => {
    expect(astroErrorLine(formerIdError)).toBe(
      'src/content/documents/foreign-military-assistance-to-central-asia-conclusions-and-recommendations.mdx: ' +
        'formerIds: "p-abc123" points at "p-000000", which the text does not have; point it at a heading or paragraph id of the text',
    );
  });

  it('says so when there is nothing to report', () => {
    expect(astroErrorLine('\n\n')).toBe('astro build failed without saying why');
  });
});

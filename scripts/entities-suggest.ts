// Lists the capitalized names and acronyms in the documents that no entity covers, most frequent
// first, each with a sample sentence, so that an editor can grow src/content/entities/.
// Usage: npm run entities:suggest [-- --json] [-- --min 2]
import { fileURLToPath } from 'node:url';
import { parseBlocks } from '../src/lib/entities/blocks.ts';
import { readDocuments, readRegistry } from '../src/lib/entities/files.ts';
import { buildMatcher } from '../src/lib/entities/matcher.ts';
import { suggestNames } from '../src/lib/entities/suggest.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const json = args.includes('--json');
const minIndex = args.indexOf('--min');
const min = minIndex >= 0 ? Number(args[minIndex + 1]) : 1;
if (!Number.isInteger(min) || min < 1) {
  console.error('--min expects a whole number of occurrences, such as --min 2');
  process.exit(2);
}

try {
  const entities = readRegistry(root);
  const documents = readDocuments(root).map((doc) => ({
    id: doc.id,
    blocks: parseBlocks(doc.body, doc.filePath),
  }));
  const suggestions = suggestNames(documents, buildMatcher(entities)).filter((s) => s.count >= min);

  if (json) {
    console.log(JSON.stringify(suggestions, null, 2));
  } else {
    console.log(
      `${suggestions.length} names in ${documents.length} documents are not covered by the ${entities.length} entities in src/content/entities/.`,
    );
    console.log(
      'Add an entity (or an alias to an existing one) for each that names something; ignore the rest.\n',
    );
    const width = Math.max(...suggestions.map((s) => s.name.length), 4);
    for (const s of suggestions) {
      const where = s.documents.length > 1 ? `${s.documents.length} documents` : s.documents[0];
      console.log(`${String(s.count).padStart(3)}  ${s.name.padEnd(width)}  ${where}`);
      console.log(`     ${' '.repeat(width)}  “${s.sample.sentence}” (#${s.sample.blockId})`);
    }
  }
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}

import { describe, expect, it } from 'vitest';
import { entityKinds } from '../../../src/content/entity-schema.ts';
import { brokenReferences, documentReferences } from '../../../src/lib/entities/references.ts';
import {
  parseRegistryFile,
  registryProblems,
  validateEntity,
  type RegistryEntry,
} from '../../../src/lib/entities/registry.ts';
import { documents, registry } from './corpus.ts';

const entity = (id: string) => registry.find((e) => e.id === id)!;

describe('the registry', () => {
  it('holds every kind, each in its own file', () => {
    for (const kind of entityKinds) {
      const ofKind = registry.filter((e) => e.data.kind === kind);
      expect(ofKind.length, kind).toBeGreaterThan(0);
      expect(new Set(ofKind.map((e) => e.file)).size, kind).toBe(1);
    }
  });

  it('holds every topic and country the documents reference', () => {
    expect(brokenReferences(documents, registry)).toEqual([]);
    const referenced = documents.flatMap((d) => documentReferences(d).map((r) => r.entityId));
    expect(referenced).toContain('united-states');
    expect(referenced).toContain('great-power-competition');
  });

  it('holds the topic slugs the documents argue about', () => {
    for (const id of [
      'counter-narcotics',
      'counter-terrorism',
      'regional-integration',
      'military-cooperation',
      'human-rights',
      'great-power-competition',
      'border-security',
      'security-assistance',
      'energy-infrastructure',
    ]) {
      expect(entity(id)?.data.kind, id).toBe('topic');
    }
  });

  it('keeps Wikidata ids to the items checked', () => {
    expect(entity('nato').data.wikidata).toBe('Q7184');
    expect(entity('kazakhstan').data.wikidata).toBe('Q232');
    expect(entity('waziristan').data.wikidata).toBeUndefined();
  });

  it('records the parents the documents describe', () => {
    expect(entity('partnership-for-peace').data.parent).toBe('nato');
    expect(entity('unodc').data.parent).toBe('un');
  });
});

describe('registry errors name the file, the entity and what to do', () => {
  const sample = (id: string, data: Partial<RegistryEntry['data']>, file: string) => ({
    id,
    file,
    data: { ...entity('nato').data, name: id, shortName: undefined, contextAliases: [], ...data },
  });

  it('rejects an id that is not a slug', () => {
    expect(() =>
      parseRegistryFile('NATO:\n  kind: organization\n', 'x/organizations.yaml'),
    ).toThrow(/x\/organizations\.yaml: entity id "NATO" is not a slug/);
  });

  it('rejects a field that does not fit the schema, and a three-sentence description', () => {
    expect(() =>
      validateEntity('x', { kind: 'city', name: 'X', description: 'X.' }, 'f.yaml'),
    ).toThrow(/f\.yaml: entity "x", field "kind"/);
    expect(() =>
      validateEntity('x', { kind: 'place', name: 'X', description: 'One. Two. Three.' }, 'f.yaml'),
    ).toThrow(/field "description": write one or two sentences/);
    expect(() =>
      validateEntity(
        'x',
        { kind: 'place', name: 'X', description: 'X.', wikidata: '7184' },
        'f.yaml',
      ),
    ).toThrow(/field "wikidata"/);
  });

  it('finds duplicates, misfiled kinds, missing parents, loops and shared names', () => {
    const problems = registryProblems([
      sample('a', { parent: 'b' }, 'organizations.yaml'),
      sample('b', { parent: 'a' }, 'organizations.yaml'),
      sample('a', {}, 'topics.yaml'),
      sample('c', { parent: 'nowhere' }, 'organizations.yaml'),
      sample('d', { aliases: ['c'] }, 'organizations.yaml'),
    ]);
    expect(problems).toEqual(
      expect.arrayContaining([
        'topics.yaml: entity "a" is already defined in organizations.yaml; ids must be unique across the registry',
        'topics.yaml: entity "a" has kind "organization"; move it to the file for that kind or set kind: topic',
        'organizations.yaml: entity "a", field "parent": the parents form a loop',
        'organizations.yaml: entity "c", field "parent": no entity has the id "nowhere"; add it or correct the id',
        'organizations.yaml: entity "d" gives the name "c", which entity "c" already has; keep it on one of them',
      ]),
    );
  });

  it('names the document file and field of a broken reference', () => {
    const doc = {
      id: 'd',
      filePath: 'src/content/documents/d.mdx',
      data: { topics: ['human-rights', 'counter-narcotic', 'nato'], countries: ['Atlantis'] },
    };
    expect(brokenReferences([doc], registry)).toEqual([
      'src/content/documents/d.mdx: field "topics[1]": no entity "counter-narcotic" in src/content/entities/; add it there or correct the slug',
      'src/content/documents/d.mdx: field "topics[2]": "nato" is an organization, not a topic',
      'src/content/documents/d.mdx: field "countries[0]": no entity "atlantis" in src/content/entities/; add it there or correct the name',
    ]);
    const referenced = {
      ...doc,
      data: { topics: [{ id: 'human-rights', collection: 'entities' }] },
    };
    expect(brokenReferences([referenced], registry)).toEqual([]);
  });
});

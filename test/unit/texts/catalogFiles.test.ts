import { readFileSync } from 'node:fs';
import { FluentResource } from '@fluent/bundle';
import type { Message, Pattern, PatternElement } from '@fluent/bundle/esm/ast.js';
import { describe, expect, it } from 'vitest';
import { CATALOG_FILES } from '../../../src/texts/formatMessage.ts';

interface Entry {
  attributes: string[];
  variables: Set<string>;
  references: Set<string>;
}

function collect(pattern: Pattern | null, entry: Entry): void {
  if (pattern === null || typeof pattern === 'string') return;
  const visit = (element: PatternElement): void => {
    if (typeof element === 'string') return;
    if (element.type === 'var') entry.variables.add(element.name);
    if (element.type === 'mesg') entry.references.add(element.name);
    if (element.type === 'select') {
      visit(element.selector);
      for (const variant of element.variants) collect(variant.value, entry);
    }
    if (element.type === 'func' || element.type === 'term') for (const arg of element.args) if (arg.type !== 'narg') visit(arg);
  };
  pattern.forEach(visit);
}

/** Every message of a catalog file: its attributes and the variables it uses, through the messages it names. */
function readCatalog(url: URL): Map<string, Entry> {
  const source = readFileSync(url, 'utf8');
  const messages = new FluentResource(source).body.filter((entry): entry is Message & { id: string } => !entry.id.startsWith('-'));
  // The runtime parser skips what it cannot read; a line that starts a message but did not become one is an error.
  const declared = source.match(/^[a-zA-Z][\w-]*\s*=/gm) ?? [];
  expect(messages.map((m) => m.id)).toEqual(declared.map((line) => line.replace(/\s*=$/, '')));
  const entries = new Map<string, Entry>();
  for (const message of messages) {
    const entry: Entry = { attributes: Object.keys(message.attributes).sort(), variables: new Set(), references: new Set() };
    collect(message.value, entry);
    for (const attribute of Object.values(message.attributes)) collect(attribute, entry);
    entries.set(message.id, entry);
  }
  for (const entry of entries.values()) for (const name of entry.references) for (const v of entries.get(name)?.variables ?? []) entry.variables.add(v);
  return entries;
}

describe('the message catalog files', () => {
  const zh = readCatalog(CATALOG_FILES['zh-HK']);
  const en = readCatalog(CATALOG_FILES.en);

  it('parse completely, each key once', () => {
    expect(zh.size).toBeGreaterThan(200);
    expect(new Set(zh.keys()).size).toBe(zh.size);
  });

  it('have the same keys in both languages', () => {
    expect([...zh.keys()].sort()).toEqual([...en.keys()].sort());
  });

  it('give each key the same attributes and variables in both languages', () => {
    for (const [id, entry] of zh) {
      const other = en.get(id)!;
      expect({ id, attributes: entry.attributes, variables: [...entry.variables].sort() }).toEqual({
        id,
        attributes: other.attributes,
        variables: [...other.variables].sort(),
      });
    }
  });

  it('name only messages that exist', () => {
    for (const catalog of [zh, en]) for (const entry of catalog.values()) for (const name of entry.references) expect(catalog.has(name), name).toBe(true);
  });
});

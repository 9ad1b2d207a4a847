// The message catalog: one Fluent file per reader language next to this module, read once at start-up.
// Front-ends format through here and then through their channel's markup (see markups.ts).
import { readFileSync } from 'node:fs';
import { FluentBundle, FluentNumber, FluentResource, type FluentVariable } from '@fluent/bundle';
import type { ReaderLanguage } from '../domain/alertLabels.ts';

export type MessageValue = string | number | boolean | null;
export type MessageArgs = Readonly<Record<string, MessageValue>>;

export const CATALOG_FILES: Readonly<Record<ReaderLanguage, URL>> = {
  'zh-HK': new URL('./zh-HK.ftl', import.meta.url),
  en: new URL('./en.ftl', import.meta.url),
};

function loadBundle(language: ReaderLanguage): FluentBundle {
  // No isolation marks (FSI/PDI) around values: replies must stay byte-for-byte what the tests and users expect.
  const bundle = new FluentBundle(language, { useIsolating: false });
  const errors = bundle.addResource(new FluentResource(readFileSync(CATALOG_FILES[language], 'utf8')));
  if (errors.length) throw new Error(`${language}.ftl: ${errors.map(String).join('; ')}`);
  return bundle;
}

const BUNDLES: Readonly<Record<ReaderLanguage, FluentBundle>> = { 'zh-HK': loadBundle('zh-HK'), en: loadBundle('en') };

// Booleans become the variant keys [true]/[false]; numbers stay numbers (so [0], [1] and plurals select) but
// print without grouping, as the template strings before the catalog did ("1234", not "1,234").
function toFluent(value: MessageValue): FluentVariable {
  if (typeof value === 'number') return new FluentNumber(value, { useGrouping: false });
  if (typeof value === 'boolean') return String(value);
  return value ?? '';
}

/** The message (or one of its attributes) with its variables filled; a missing message or variable throws. */
export function formatMessage(language: ReaderLanguage, id: string, args: MessageArgs = {}, attribute?: string): string {
  const bundle = BUNDLES[language];
  const message = bundle.getMessage(id);
  const pattern = attribute ? message?.attributes[attribute] : message?.value;
  if (!pattern) throw new Error(`No message ${id}${attribute ? `.${attribute}` : ''} in ${language}`);
  const errors: Error[] = [];
  const fluentArgs = Object.fromEntries(Object.entries(args).map(([name, value]) => [name, toFluent(value)]));
  const text = bundle.formatPattern(pattern, fluentArgs, errors);
  if (errors.length) throw new Error(`${language} ${id}: ${errors.map((error) => error.message).join('; ')}`);
  return text;
}

/** Whether the catalog has the message, for optional entries such as a command's example. */
export function hasMessage(language: ReaderLanguage, id: string, attribute?: string): boolean {
  const message = BUNDLES[language].getMessage(id);
  return Boolean(attribute ? message?.attributes[attribute] : message?.value);
}

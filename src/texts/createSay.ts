// A formatter bound to one language, one channel's markup and the variables every message of that front-end
// shares ($channel): say('notFound', { ref }) escapes the string values, formats, and renders the markup.
import type { ReaderLanguage } from '../domain/alertLabels.ts';
import { formatMessage, type MessageArgs } from './formatMessage.ts';
import type { Markup } from './markups.ts';

export type Say = (id: string, args?: MessageArgs) => string;

export function createSay(language: ReaderLanguage, markup: Markup, shared: MessageArgs = {}): Say {
  return (id, args = {}) => {
    const escaped = Object.fromEntries(Object.entries(args).map(([name, value]) => [name, typeof value === 'string' ? markup.escape(value) : value]));
    return markup.render(formatMessage(language, id, { ...shared, ...escaped }));
  };
}

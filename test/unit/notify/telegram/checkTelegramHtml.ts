// What Telegram's HTML parser would refuse: an unbalanced or unknown tag, a bare < or &, a lone surrogate.
const TAGS = new Set(['b', 'strong', 'i', 'em', 'u', 'ins', 's', 'strike', 'del', 'a', 'code', 'pre', 'blockquote', 'tg-spoiler', 'span']);

export function findHtmlProblem(html: string): string | null {
  const open: string[] = [];
  const token = /<(\/?)([a-z-]+)(?:\s+[a-z]+="[^"<>]*")?>|&(amp|lt|gt|quot);|[<>&]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
  for (const match of html.matchAll(token)) {
    const [text, closing, name] = match;
    if (name) {
      if (!TAGS.has(name)) return `unknown tag <${name}>`;
      if (!closing) open.push(name);
      else if (open.pop() !== name) return `</${name}> closes nothing open at ${match.index}`;
    } else if (!match[3]) {
      return `bare ${JSON.stringify(text)} at ${match.index}`;
    }
  }
  return open.length ? `unclosed <${open.join('>, <')}>` : null;
}

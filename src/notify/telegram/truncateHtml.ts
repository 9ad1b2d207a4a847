// Shortens a piece of Telegram HTML to a length limit without cutting a tag, an entity or a surrogate pair,
// closing the tags still open at the cut. Used for the rare block that alone exceeds a message.
const TOKEN = /<[^>]*>|&[#\w]+;|[\uD800-\uDBFF][\uDC00-\uDFFF]|[\s\S]/g;

function tagName(tag: string): string {
  return /^<\/?\s*([\w-]+)/.exec(tag)?.[1]?.toLowerCase() ?? '';
}

export function truncateHtml(html: string, limit: number, ellipsis = '…'): string {
  if (html.length <= limit) return html;
  const open: string[] = [];
  let closing = 0; // length of the closing tags the open ones would need
  let out = '';
  for (const match of html.matchAll(TOKEN)) {
    const token = match[0];
    let nextOpen = open;
    let nextClosing = closing;
    if (token.startsWith('<') && token.length > 1) {
      const name = tagName(token);
      if (token.startsWith('</')) {
        const index = open.lastIndexOf(name);
        if (index !== -1) {
          nextOpen = open.slice(0, index);
          nextClosing = nextOpen.reduce((sum, n) => sum + n.length + 3, 0);
        }
      } else if (!token.endsWith('/>')) {
        nextOpen = [...open, name];
        nextClosing = closing + name.length + 3;
      }
    }
    if (out.length + token.length + ellipsis.length + nextClosing > limit) break;
    out += token;
    open.splice(0, open.length, ...nextOpen);
    closing = nextClosing;
  }
  // An opening tag with nothing after it only adds noise; drop trailing empty elements.
  while (open.length && out.endsWith('>') && /<[^/][^>]*>$/.test(out)) {
    out = out.replace(/<[^/][^>]*>$/, '');
    open.pop();
  }
  return `${out}${ellipsis}${open.reverse().map((name) => `</${name}>`).join('')}`;
}

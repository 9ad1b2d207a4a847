// Telegram's HTML parse mode understands only &lt; &gt; &amp; &quot;: every dynamic value goes through here
// before it is placed in a message, so a commitment text or a URL can never open a tag.
const TEXT_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };
const ATTRIBUTE_ESCAPES: Readonly<Record<string, string>> = { ...TEXT_ESCAPES, '"': '&quot;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>]/g, (ch) => TEXT_ESCAPES[ch]!);
}

/** For values inside a double-quoted attribute (href). */
export function escapeHtmlAttribute(text: string): string {
  return text.replace(/[&<>"]/g, (ch) => ATTRIBUTE_ESCAPES[ch]!);
}

/** A link when the URL is http(s), the escaped label alone otherwise (Telegram refuses other schemes). */
export function formatHtmlLink(label: string, url: string | null | undefined): string {
  if (!url || !/^https?:\/\//i.test(url)) return escapeHtml(label);
  return `<a href="${escapeHtmlAttribute(url)}">${escapeHtml(label)}</a>`;
}

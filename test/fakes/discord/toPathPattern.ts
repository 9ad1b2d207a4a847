// Route templates like '/channels/:channelId/messages' as anchored RegExps; ":name" matches one path segment
// (a named group when asked, so templates used only for matching may repeat ":id"). RegExps pass through.
export function toPathPattern(template: string | RegExp, { named = false }: { named?: boolean } = {}): RegExp {
  if (template instanceof RegExp) return template;
  const source = template
    .split('/')
    .map((part) => {
      if (!part.startsWith(':')) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      return named ? `(?<${part.slice(1)}>[^/]+)` : '[^/]+';
    })
    .join('/');
  return new RegExp(`^${source}$`);
}

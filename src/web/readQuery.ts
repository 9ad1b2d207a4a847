// Query-string values for pages: anything out of range falls back to the default instead of failing, since
// people edit these URLs by hand. The API is strict instead (see api/parseApiQuery.ts).
export interface QueryReader {
  text(name: string, maxLength: number): string | null;
  int(name: string, min: number, max: number, fallback: number): number;
  choice<T extends string>(name: string, allowed: readonly T[], fallback: T): T;
}

export function readQuery(query: unknown): QueryReader {
  const source = (query && typeof query === 'object' ? query : {}) as Record<string, unknown>;
  const first = (name: string): string | null => {
    const value = source[name];
    const text = Array.isArray(value) ? value[0] : value;
    return typeof text === 'string' ? text : null;
  };
  return {
    text(name, maxLength) {
      const value = first(name)?.trim();
      return value ? value.slice(0, maxLength) : null;
    },
    int(name, min, max, fallback) {
      const value = first(name);
      if (!value || !/^\d+$/.test(value)) return fallback;
      const n = Number(value);
      return n >= min && n <= max ? n : fallback;
    },
    choice(name, allowed, fallback) {
      const value = first(name);
      return allowed.find((a) => a === value) ?? fallback;
    },
  };
}

// User text inside a LIKE pattern: `%`, `_` and the escape character itself are matched
// literally (with `ESCAPE '\'`), so "100%" or "a_b" find exactly that, not everything.
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Does the typed text hold a character LIKE would treat as a wildcard or escape? */
export const hasLikeWildcard = (text: string) => /[\\%_]/.test(text);

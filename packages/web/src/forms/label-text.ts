/**
 * XLSForm labels and hints may show answers: "Total des participants : ${total}". A reference is looked up
 * from the innermost repeat instance outwards (a member's label names that member's answers), as ODK does.
 */

/** `plots[0].trees[2].kind` → [`plots[0].trees[2].`, `plots[0].`, ``]: where a reference may live. */
export function scopesOf(path: string): string[] {
  const scopes = [''];
  for (const m of path.matchAll(/\[\d+\]/g))
    scopes.unshift(`${path.slice(0, (m.index ?? 0) + m[0].length)}.`);
  return scopes;
}

/** `text` with each `${name}` replaced by what `read` shows for it; nothing for a name without a value
 * (ODK shows an unanswered question's reference as empty). */
export function fillReferences(
  text: string,
  path: string,
  read: (path: string) => string | undefined,
): string {
  if (!text.includes('${')) return text;
  const scopes = scopesOf(path);
  return text.replace(/\$\{([A-Za-z_][A-Za-z0-9_.-]*)\}/g, (_, name: string) => {
    for (const scope of scopes) {
      const shown = read(scope + name);
      if (shown !== undefined) return shown;
    }
    return '';
  });
}

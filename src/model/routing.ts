// How nginx reads an arrow's label: a path prefix routes the paths under it, anything else
// (no label, a word) is the default route. The engine routes by it and the Mermaid import
// gives imported users requests that follow the routes a diagram draws.

/** An edge label as a path prefix: "/api", "api/*" → "/api"; not a path → null. */
export function prefixOf(label: string): string | null {
  let p = label.trim();
  if (p === '') return null;
  if (p.endsWith('*')) p = p.slice(0, -1);
  if (!p.startsWith('/')) return null;
  if (p.length > 1 && p.endsWith('/')) p = p.slice(0, -1);
  return p;
}

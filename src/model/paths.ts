/** An error or warning about a place in a document, named by its JSON path. */
export interface DocIssue {
  /** e.g. `nodes[2].config.rps`; `$` is the whole document. */
  path: string;
  message: string;
}

/** `['nodes', 2, 'config', 'rps']` → `nodes[2].config.rps`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out || '$';
}

export function describeIssues(issues: readonly DocIssue[], max = 5): string {
  const shown = issues.slice(0, max).map((i) => `${i.path}: ${i.message}`);
  if (issues.length > max) shown.push(`…and ${issues.length - max} more`);
  return shown.join('\n');
}

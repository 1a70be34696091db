// Which kind of text this is: a Docker Compose file, an nginx.conf or a Mermaid flowchart,
// by the file name first and the content when the name says nothing.

export type TextFormat = 'compose' | 'nginx' | 'mermaid' | 'unknown';

export function formatOfName(name: string): TextFormat {
  const n = name.toLowerCase();
  if (/\.(ya?ml)$/.test(n)) return 'compose';
  if (/\.conf$|(^|[\\/])nginx[\w.-]*$|\.nginx$/.test(n)) return 'nginx';
  if (/\.(mmd|mermaid|md|markdown|mdx)$/.test(n)) return 'mermaid';
  return 'unknown';
}

export function formatOfText(text: string): TextFormat {
  const t = text.replace(/^\uFEFF/, '');
  const code = t
    .split('\n')
    .filter((l) => !/^\s*(#|%%|$)/.test(l))
    .join('\n');
  if (/^\s*(---\s*\n[\s\S]*?\n---\s*\n\s*)?(flowchart|graph)\b/.test(code)) return 'mermaid';
  if (/^(services|version|x-[\w-]+|volumes|networks|name):/m.test(code)) return 'compose';
  if (
    /^\s*(http|server|upstream|events|location)\s*(\S+\s*)?\{/m.test(code) ||
    /^\s*worker_processes\b/m.test(code)
  )
    return 'nginx';
  return 'unknown';
}

/** The name decides; without a telling name (a paste, `config.txt`), the content does. */
export function detectFormat(text: string, name?: string): TextFormat {
  const byName = name ? formatOfName(name) : 'unknown';
  return byName !== 'unknown' ? byName : formatOfText(text);
}

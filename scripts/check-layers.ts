// Fails when an import points the wrong way between layers (see docs/architecture.md), or
// when pure logic touches React, zustand or the DOM. Run by `npm test`.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';

export const LAYERS: Record<string, { may: string[]; packages: RegExp }> = {
  model: { may: [], packages: /^(zod)$/ },
  sim: { may: ['model'], packages: /^$/ },
  io: { may: ['model'], packages: /^(zod|mermaid|elkjs(\/.*)?|lz-string|dompurify|yaml|fflate)$/ },
  story: { may: ['model', 'sim', 'io'], packages: /^(zod)$/ },
  worker: { may: ['model', 'sim', 'io', 'story'], packages: /^(comlink)$/ },
  state: {
    may: ['model', 'sim', 'io', 'story', 'worker'],
    packages: /^(zustand(\/.*)?|comlink|elkjs(\/.*)?|lz-string)$/,
  },
  canvas: { may: ['model', 'sim', 'io', 'story', 'worker', 'state'], packages: /.*/ },
  ui: { may: ['model', 'sim', 'io', 'story', 'worker', 'state', 'canvas'], packages: /.*/ },
  app: { may: ['model', 'sim', 'io', 'story', 'worker', 'state', 'canvas', 'ui'], packages: /.*/ },
};

const PURE = new Set(['model', 'sim', 'io', 'story', 'worker']);
const DOM_GLOBALS = /\b(window|document|localStorage|sessionStorage|navigator)\.[A-Za-z_]/;
const NODE_BUILTIN = /^node:/;

/**
 * A file's layer: its first folder under src/, except in src/kinds/, where a kind's folder
 * holds one file per layer and the name says which (docs/architecture.md, "Adding a kind").
 */
export const KIND_FILE_LAYERS: readonly [RegExp, string][] = [
  [/^behaviours?\.ts$/, 'sim'],
  [/^configs?\.ts$/, 'io'],
  [/^views?\.tsx$/, 'canvas'],
];

export function layerOf(rel: string): string {
  const parts = rel.split(/[\\/]/);
  if (parts[0] !== 'kinds') return parts[0]!;
  const name = parts[parts.length - 1]!.replace(/\.test(\.tsx?)$/, '$1');
  for (const [re, layer] of KIND_FILE_LAYERS) if (re.test(name)) return layer;
  return 'model';
}

export interface LayerViolation {
  file: string;
  line: number;
  message: string;
}

function* walk(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* walk(path);
    else if (/\.(ts|tsx)$/.test(name)) yield path;
  }
}

export function checkFile(srcRoot: string, file: string, text: string): LayerViolation[] {
  const rel = relative(srcRoot, file);
  const layer = layerOf(rel);
  const rules = LAYERS[layer];
  if (!rules) return [];
  const isTest = /\.test\.tsx?$/.test(file);
  const out: LayerViolation[] = [];
  const lines = text.split('\n');
  lines.forEach((lineText, i) => {
    const m = lineText.match(
      /^\s*(?:import|export)\b[^'"]*?from\s+['"]([^'"]+)['"]|^\s*import\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/,
    );
    const spec = m?.[1] ?? m?.[2] ?? m?.[3];
    if (spec) {
      if (spec.startsWith('.')) {
        const target = layerOf(relative(srcRoot, resolve(dirname(file), spec)));
        if (target !== layer && !rules.may.includes(target) && LAYERS[target]) {
          out.push({
            file: rel,
            line: i + 1,
            message: `${layer}/ may not import ${target}/ (${spec})`,
          });
        }
      } else if (
        !isTest &&
        !NODE_BUILTIN.test(spec) &&
        !rules.packages.test(spec) &&
        !/\?worker|\?url|\?raw/.test(spec)
      ) {
        out.push({
          file: rel,
          line: i + 1,
          message: `${layer}/ may not import the package "${spec}"`,
        });
      }
      if (!isTest && PURE.has(layer) && NODE_BUILTIN.test(spec)) {
        out.push({
          file: rel,
          line: i + 1,
          message: `${layer}/ runs in the browser too: no Node built-ins (${spec})`,
        });
      }
    }
    const code = /^\s*(\*|\/\*)/.test(lineText) ? '' : lineText.replace(/\/\/.*$/, '');
    if (
      !isTest &&
      PURE.has(layer) &&
      layer !== 'worker' &&
      layer !== 'io' &&
      DOM_GLOBALS.test(code)
    ) {
      out.push({
        file: rel,
        line: i + 1,
        message: `${layer}/ is pure logic: no DOM or browser globals`,
      });
    }
  });
  return out;
}

export function checkTree(srcRoot: string): LayerViolation[] {
  const out: LayerViolation[] = [];
  for (const file of walk(srcRoot))
    out.push(...checkFile(srcRoot, file, readFileSync(file, 'utf8')));
  return out;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const violations = checkTree(resolve('src'));
  for (const v of violations) console.error(`src/${v.file}:${v.line}: ${v.message}`);
  if (violations.length) {
    console.error(
      `\n${violations.length} import(s) point the wrong way. See docs/architecture.md.`,
    );
    process.exit(1);
  }
  console.log('layers: every import points down');
}

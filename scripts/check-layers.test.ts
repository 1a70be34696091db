import { describe, expect, it } from 'vitest';
import { checkFile } from './check-layers.ts';

const root = '/repo/src';
describe('layer check', () => {
  it('refuses React in pure logic', () => {
    const v = checkFile(root, '/repo/src/sim/engine.ts', "import { useState } from 'react';\n");
    expect(v[0]?.message).toContain('may not import the package "react"');
  });
  it('refuses an import that points up', () => {
    const v = checkFile(
      root,
      '/repo/src/model/kinds.ts',
      "import { x } from '../state/store.ts';\n",
    );
    expect(v[0]?.message).toBe('model/ may not import state/ (../state/store.ts)');
  });
  it('refuses DOM globals in pure logic', () => {
    const v = checkFile(root, '/repo/src/story/player.ts', 'const w = window.innerWidth;\n');
    expect(v[0]?.message).toContain('no DOM');
  });
  it('allows imports that point down', () => {
    expect(
      checkFile(
        root,
        '/repo/src/ui/Inspector.tsx',
        "import { KINDS } from '../model/kinds.ts';\nimport React from 'react';\n",
      ),
    ).toEqual([]);
  });
});

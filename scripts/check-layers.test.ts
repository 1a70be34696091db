import { describe, expect, it } from 'vitest';
import { checkFile, layerOf } from './check-layers.ts';

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

  it('gives a kind’s files the layer their names say', () => {
    expect(layerOf('kinds/db/kind.ts')).toBe('model');
    expect(layerOf('kinds/index.ts')).toBe('model');
    expect(layerOf('kinds/db/behaviour.ts')).toBe('sim');
    expect(layerOf('kinds/behaviours.ts')).toBe('sim');
    expect(layerOf('kinds/db/config.ts')).toBe('io');
    expect(layerOf('kinds/db/view.tsx')).toBe('canvas');
    expect(layerOf('kinds/views.tsx')).toBe('canvas');
  });
  it('refuses a wrong-way import from a kind’s files', () => {
    // kind.ts is the model: it may not reach the engine, nor the canvas.
    const up = checkFile(
      root,
      '/repo/src/kinds/db/kind.ts',
      "import { Resource } from '../../sim/resource.ts';\n",
    );
    expect(up[0]?.message).toBe('model/ may not import sim/ (../../sim/resource.ts)');
    // Nor its own behaviour, which is the sim layer.
    const own = checkFile(
      root,
      '/repo/src/kinds/db/kind.ts',
      "import { X } from './behaviour.ts';\n",
    );
    expect(own[0]?.message).toBe('model/ may not import sim/ (./behaviour.ts)');
    // A behaviour may not import the icons, nor React.
    const icon = checkFile(
      root,
      '/repo/src/kinds/db/behaviour.ts',
      "import { icon } from './view.tsx';\nimport { memo } from 'react';\n",
    );
    expect(icon.map((v) => v.message)).toEqual([
      'sim/ may not import canvas/ (./view.tsx)',
      'sim/ may not import the package "react"',
    ]);
    // The model may not import a file elsewhere that is in a higher layer of src/kinds/.
    const fromModel = checkFile(
      root,
      '/repo/src/model/cost.ts',
      "import { CONFIG_ROWS } from '../kinds/configs.ts';\n",
    );
    expect(fromModel[0]?.message).toBe('model/ may not import io/ (../kinds/configs.ts)');
    // And the other way is fine: the engine reads the kinds' data.
    expect(
      checkFile(
        root,
        '/repo/src/kinds/db/behaviour.ts',
        "import { KINDS } from '../../model/kinds.ts';\n",
      ),
    ).toEqual([]);
  });
});

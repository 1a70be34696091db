// What the engine's side of a kind declares holds: the causes a kind says it raises are
// causes the engine knows, and a behaviour reads only its kind's settings, by key, typed:
// a misspelt key or a key of the wrong type does not compile (tsc checks the
// `@ts-expect-error` lines below: if one stopped being an error, the typecheck fails).

import { describe, expect, it } from 'vitest';
import { numberOf, stringOf } from '../model/kinds.ts';
import { BaseBehaviour } from '../sim/behaviours/base.ts';
import { HandlerBehaviour } from '../sim/behaviours/handler.ts';
import { FAILURE_CAUSES } from '../sim/causes.ts';
import { BEHAVIOURS } from './behaviours.ts';
import { KIND_DECLS, KIND_IDS } from './index.ts';

describe('a kind’s engine side', () => {
  it('raises only causes the engine declares', () => {
    const known = new Set<string>(FAILURE_CAUSES);
    for (const id of KIND_IDS) {
      for (const c of KIND_DECLS[id].raises) expect(known.has(c), `${id} raises ${c}`).toBe(true);
    }
  });

  it('has a behaviour for every kind', () => {
    expect(Object.keys(BEHAVIOURS)).toEqual(KIND_IDS);
  });

  it('types settings by the kind’s declared keys', () => {
    class Db extends BaseBehaviour<'db'> {
      read(): number {
        // @ts-expect-error: a database declares no "workers" (it is "concurrency")
        this.num('workers');
        // @ts-expect-error: readMs is a number, not a string
        this.str('readMs');
        // @ts-expect-error: an app's key, not a database's
        this.num('poolSize');
        return this.num('readMs') + this.str('serviceDist').length;
      }
    }
    abstract class Shared extends HandlerBehaviour<'app'> {
      appOnly(): number {
        return this.num('weight') + (this.bool('cacheReads') ? 1 : 0);
      }
    }
    const config = {};
    // @ts-expect-error: misspelt
    numberOf('app', config, 'serviceTimeMS');
    // @ts-expect-error: a number setting read as a string
    stringOf('app', config, 'concurrency');
    expect(numberOf('app', config, 'serviceTimeMs')).toBe(20);
    expect([Db.name, Shared.name]).toEqual(['Db', 'Shared']);
  });
});

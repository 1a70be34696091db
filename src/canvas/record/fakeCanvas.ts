// A 2D canvas stand-in for unit tests (Node has no canvas): every call and property set is
// logged, measureText answers 6 px per character, and canvases made by `make` get their own
// logging context. Enough to test what is painted, in which order, and how often.

import type { CanvasLike, Ctx2D, MakeCanvas } from '../live/paint.ts';

export interface Call {
  /** Which canvas: 'main' or 'canvas#n' for one made by the factory. */
  on: string;
  op: string;
  args: unknown[];
}

export interface FakeCanvas {
  readonly id: string;
  width: number;
  height: number;
  getContext(kind: '2d'): Ctx2D;
}

export function fakeCanvases(): {
  log: Call[];
  make: MakeCanvas;
  main: (w: number, h: number) => FakeCanvas;
  made: FakeCanvas[];
} {
  const log: Call[] = [];
  const made: FakeCanvas[] = [];
  const canvas = (id: string, width: number, height: number): FakeCanvas => {
    let ctx: Ctx2D | null = null;
    const c: FakeCanvas = {
      id,
      width,
      height,
      getContext: () => {
        ctx ??= fakeContext(id, c, log);
        return ctx;
      },
    };
    return c;
  };
  return {
    log,
    made,
    make: (w, h) => {
      const c = canvas(`canvas#${made.length}`, w, h);
      made.push(c);
      return c as unknown as CanvasLike;
    },
    main: (w, h) => canvas('main', w, h),
  };
}

function fakeContext(on: string, canvas: FakeCanvas, log: Call[]): Ctx2D {
  const state: Record<string, unknown> = {
    canvas,
    font: '10px sans-serif',
    fillStyle: '#000',
    strokeStyle: '#000',
    globalAlpha: 1,
    lineWidth: 1,
    letterSpacing: '0px',
  };
  const methods: Record<string, (...args: unknown[]) => unknown> = {
    measureText: (text: unknown) => ({
      width: String(text).length * 6,
      fontBoundingBoxAscent: 9,
      fontBoundingBoxDescent: 3,
    }),
    getImageData: (_x: unknown, _y: unknown, w: unknown, h: unknown) => ({
      data: new Uint8ClampedArray(Number(w) * Number(h) * 4),
    }),
  };
  return new Proxy(state, {
    get(target, prop: string) {
      if (prop in target) return target[prop];
      return (...args: unknown[]) => {
        log.push({ on, op: prop, args });
        return methods[prop]?.(...args);
      };
    },
    set(target, prop: string, value) {
      target[prop] = value;
      log.push({ on, op: `set ${prop}`, args: [value] });
      return true;
    },
  }) as unknown as Ctx2D;
}

/** A Path2D stand-in: remembers its path data. */
export const fakePath = (d: string) => ({ d }) as unknown as Path2D;

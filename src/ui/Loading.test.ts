// @vitest-environment jsdom
// A part loaded on first use shows its loading note until its code arrives, then the part;
// once loaded, a later mount renders it at once; a failed load reaches the error boundary
// and the next mount tries again. None of it suspends (see loadOnFirstUse).
import { act, Component, type ComponentType, createElement, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Lazy, loadOnFirstUse } from './Loading.tsx';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

class Boundary extends Component<{ children: ReactNode }, { error: string | null }> {
  override state = { error: null as string | null };
  static getDerivedStateFromError(e: unknown) {
    return { error: String((e as Error).message) };
  }
  override render() {
    return this.state.error
      ? createElement('p', null, `failed: ${this.state.error}`)
      : this.props.children;
  }
}

// Lazy with its children given as createElement's third argument, as React passes them.
const LazyWithNote = Lazy as ComponentType<{ what: string; children?: ReactNode }>;

const Hello = ({ name }: { name: string }) => createElement('p', null, `hello ${name}`);

let root: Root | null = null;
let host: HTMLElement;
function mount(node: ReactNode): void {
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  act(() =>
    root!.render(
      createElement(Boundary, null, createElement(LazyWithNote, { what: 'the part' }, node)),
    ),
  );
}
afterEach(() => {
  act(() => root?.unmount());
  root = null;
  vi.useRealTimers();
});

describe('loadOnFirstUse', () => {
  it('shows the loading note after 100 ms, then the part when its code arrives', async () => {
    vi.useFakeTimers();
    let arrive!: (c: typeof Hello) => void;
    const Part = loadOnFirstUse(() => new Promise<typeof Hello>((r) => (arrive = r)));
    mount(createElement(Part, { name: 'there' }));
    expect(host.textContent).toBe('');
    act(() => vi.advanceTimersByTime(150));
    expect(host.textContent).toContain('Loading the part…');
    await act(async () => arrive(Hello));
    expect(host.textContent).toBe('hello there');
  });

  it('renders at once when the code is already here', async () => {
    const Part = loadOnFirstUse(async () => Hello);
    await Part.preload();
    mount(createElement(Part, { name: 'again' }));
    expect(host.textContent).toBe('hello again');
  });

  it('a failed load reaches the error boundary, and the next mount tries again', async () => {
    let tries = 0;
    const Part = loadOnFirstUse(async () => {
      tries++;
      if (tries === 1) throw new Error('offline');
      return Hello;
    });
    vi.spyOn(console, 'error').mockImplementation(() => {});
    mount(createElement(Part, { name: 'x' }));
    await act(async () => {});
    expect(host.textContent).toBe('failed: offline');
    act(() => root!.unmount());
    mount(createElement(Part, { name: 'back' }));
    await act(async () => {});
    expect(host.textContent).toBe('hello back');
    expect(tries).toBe(2);
  });
});

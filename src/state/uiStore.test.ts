import { afterEach, describe, expect, it, vi } from 'vitest';
import { createUiStore, toastLifetime } from './uiStore.ts';

describe('toasts', () => {
  afterEach(() => vi.useRealTimers());

  it('stay at least their tone’s time, and longer when there is more to read', () => {
    expect(toastLifetime('info', 'Saved.')).toBe(4000);
    expect(toastLifetime('error', 'No.')).toBe(8000);
    const long =
      'The shared diagram is now yours and is saved in this browser. Undo brings your previous one back.';
    expect(toastLifetime('info', long)).toBeGreaterThanOrEqual(6500);
    expect(
      toastLifetime('info', 'Opened with repairs.', [
        'Box “db” had an unknown kind and is now an app server.',
        'Two arrows pointed at nothing and were left out.',
      ]),
    ).toBeGreaterThan(toastLifetime('info', 'Opened with repairs.'));
  });

  it('go away on their own once read', () => {
    vi.useFakeTimers();
    const ui = createUiStore();
    ui.getState().notify('info', 'Started a new diagram. Undo brings the previous one back.');
    vi.advanceTimersByTime(4000);
    expect(ui.getState().toasts).toHaveLength(1);
    vi.advanceTimersByTime(2000);
    expect(ui.getState().toasts).toHaveLength(0);
  });
});

// A store that can be swapped: the hook and `getState`/`setState`/`subscribe` the app uses
// (`useDocumentStore`…) read whichever instance is in the slot. The app never swaps, so it
// has one instance, made on first use; a TestEditor (state/testEditor.ts) puts in stores
// of its own, made fresh for each test, and puts the previous ones back when disposed.

import { type StoreApi, type UseBoundStore, useStore } from 'zustand';

export interface StoreSlot<T> {
  /** The store in use. */
  current(): StoreApi<T>;
  /** Puts `next` in use and gives back the store it replaces. */
  swap(next: StoreApi<T>): StoreApi<T>;
}

export function storeSlot<T>(make: () => StoreApi<T>): {
  hook: UseBoundStore<StoreApi<T>>;
  slot: StoreSlot<T>;
} {
  let store: StoreApi<T> | null = null;
  const current = (): StoreApi<T> => {
    if (store === null) store = make();
    return store;
  };
  const hook = (<U>(selector?: (state: T) => U) =>
    useStore(current(), selector as (state: T) => U)) as UseBoundStore<StoreApi<T>>;
  hook.getState = () => current().getState();
  hook.getInitialState = () => current().getInitialState();
  hook.setState = ((...args: Parameters<StoreApi<T>['setState']>) =>
    current().setState(...args)) as StoreApi<T>['setState'];
  hook.subscribe = (listener) => current().subscribe(listener);
  const slot: StoreSlot<T> = {
    current,
    swap: (next) => {
      const before = current();
      store = next;
      return before;
    },
  };
  return { hook, slot };
}

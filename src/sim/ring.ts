// A FIFO on a growable circular array: O(1) push/shift with no per-item allocation.

export class Ring<T> {
  private items: (T | undefined)[] = new Array(16);
  private head = 0;
  length = 0;

  push(item: T): void {
    if (this.length === this.items.length) this.grow();
    this.items[(this.head + this.length) & (this.items.length - 1)] = item;
    this.length++;
  }

  /** Puts an item at the front (a redelivered job goes first). */
  unshift(item: T): void {
    if (this.length === this.items.length) this.grow();
    this.head = (this.head - 1) & (this.items.length - 1);
    this.items[this.head] = item;
    this.length++;
  }

  shift(): T | undefined {
    if (this.length === 0) return undefined;
    const item = this.items[this.head];
    this.items[this.head] = undefined;
    this.head = (this.head + 1) & (this.items.length - 1);
    this.length--;
    return item;
  }

  peek(): T | undefined {
    return this.length === 0 ? undefined : this.items[this.head];
  }

  at(i: number): T | undefined {
    return this.items[(this.head + i) & (this.items.length - 1)];
  }

  /** Forgets every item, keeping the array (no copy). */
  drop(): void {
    while (this.length > 0) this.shift();
  }

  clear(): T[] {
    const out: T[] = [];
    while (this.length > 0) out.push(this.shift() as T);
    return out;
  }

  private grow(): void {
    const n = this.items.length * 2;
    const next: (T | undefined)[] = new Array(n);
    for (let i = 0; i < this.length; i++)
      next[i] = this.items[(this.head + i) & (this.items.length - 1)];
    this.items = next;
    this.head = 0;
  }
}

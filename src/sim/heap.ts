// The future event list: a binary min-heap ordered by (time, sequence number), stored in
// parallel typed arrays so pushing and popping allocate nothing. Equal times pop in the
// order they were pushed, which is what makes runs deterministic (SimPy does the same).

export class EventQueue {
  private time = new Float64Array(1024);
  private seq = new Float64Array(1024);
  private kind = new Int32Array(1024);
  private arg = new Float64Array(1024);
  private obj: unknown[] = new Array(1024).fill(null);
  private nextSeq = 0;
  size = 0;

  // The last popped event, read by the run loop (no tuple allocation per event).
  popTime = 0;
  popKind = 0;
  popArg = 0;
  popObj: unknown = null;

  push(time: number, kind: number, obj: unknown, arg: number): void {
    if (this.size === this.time.length) this.grow();
    const seq = this.nextSeq++;
    let i = this.size++;
    const T = this.time;
    const S = this.seq;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const pt = T[p]!;
      if (pt < time || (pt === time && S[p]! < seq)) break;
      this.move(p, i);
      i = p;
    }
    T[i] = time;
    S[i] = seq;
    this.kind[i] = kind;
    this.arg[i] = arg;
    this.obj[i] = obj;
  }

  /** Time of the next event, or Infinity. */
  peekTime(): number {
    return this.size > 0 ? this.time[0]! : Number.POSITIVE_INFINITY;
  }

  /** Removes the earliest event into popTime/popKind/popArg/popObj. */
  pop(): void {
    const T = this.time;
    const S = this.seq;
    this.popTime = T[0]!;
    this.popKind = this.kind[0]!;
    this.popArg = this.arg[0]!;
    this.popObj = this.obj[0];
    const n = --this.size;
    if (n === 0) {
      this.obj[0] = null;
      return;
    }
    const lt = T[n]!;
    const ls = S[n]!;
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= n) break;
      const r = c + 1;
      if (r < n && (T[r]! < T[c]! || (T[r] === T[c] && S[r]! < S[c]!))) c = r;
      const ct = T[c]!;
      if (lt < ct || (lt === ct && ls < S[c]!)) break;
      this.move(c, i);
      i = c;
    }
    T[i] = lt;
    S[i] = ls;
    this.kind[i] = this.kind[n]!;
    this.arg[i] = this.arg[n]!;
    this.obj[i] = this.obj[n];
    this.obj[n] = null;
  }

  clear(): void {
    this.obj.fill(null);
    this.size = 0;
  }

  private move(from: number, to: number): void {
    this.time[to] = this.time[from]!;
    this.seq[to] = this.seq[from]!;
    this.kind[to] = this.kind[from]!;
    this.arg[to] = this.arg[from]!;
    this.obj[to] = this.obj[from];
  }

  private grow(): void {
    const n = this.time.length * 2;
    const t = new Float64Array(n);
    t.set(this.time);
    this.time = t;
    const s = new Float64Array(n);
    s.set(this.seq);
    this.seq = s;
    const k = new Int32Array(n);
    k.set(this.kind);
    this.kind = k;
    const a = new Float64Array(n);
    a.set(this.arg);
    this.arg = a;
    const o: unknown[] = new Array(n).fill(null);
    for (let i = 0; i < this.obj.length; i++) o[i] = this.obj[i];
    this.obj = o;
  }
}

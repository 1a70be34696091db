// The settings a connection can carry (`edge.config`): what the calling box does when a
// call along it fails or is slow. Retries with exponential backoff and jitter, a timeout
// per call, and a circuit breaker. A connection without them (every older document) runs
// as it always did: only the keys a person set are stored, and an edge whose settings
// leave all three off changes nothing in the engine.
//
// The inspector renders these fields, `restore` and validation check them, the Mermaid
// export carries them in its `%% bp:edge` data, share links keep them, and the engine
// reads them through linkNumber / linkString / linkBoolean (src/sim/resilience/).

import type { BooleanField, EnumField, NumberField } from './kinds.ts';
import type { Config, TopologyEdge } from './types.ts';

export type LinkField = NumberField | EnumField | BooleanField;

export const LINK_FIELDS: readonly LinkField[] = [
  {
    type: 'number',
    key: 'retries',
    label: 'Retries',
    default: 0,
    min: 0,
    max: 10,
    integer: true,
    help: 'Extra tries after a failed call (0 = none): a call is tried at most 1 + this many times.',
  },
  {
    type: 'number',
    key: 'retryBackoffMs',
    label: 'First backoff',
    unit: 'ms',
    default: 100,
    min: 0,
    max: 60_000,
    help: 'Wait before the first retry; each further retry waits twice as long as the one before.',
  },
  {
    type: 'number',
    key: 'retryBackoffCapMs',
    label: 'Backoff cap',
    unit: 'ms',
    default: 2000,
    min: 0,
    max: 600_000,
    help: 'The longest wait between two tries, however many retries came before.',
  },
  {
    type: 'enum',
    key: 'retryJitter',
    label: 'Jitter',
    default: 'full',
    options: [
      { value: 'none', label: 'None (exact backoff)' },
      { value: 'full', label: 'Full (random 0 … backoff)' },
      { value: 'equal', label: 'Equal (half + random half)' },
    ],
    help: 'Randomness in each wait, so callers that failed together do not retry together.',
  },
  {
    type: 'enum',
    key: 'retryOn',
    label: 'Retry on',
    default: 'unavailable',
    options: [
      { value: 'unavailable', label: 'Unavailable and timeouts' },
      { value: 'refused', label: 'Refused only (never processed)' },
      { value: 'any', label: 'Any failure' },
    ],
    help: 'Which failures are tried again: refused (down, 503, 429, cut) is safe for writes; timeouts may repeat work.',
  },
  {
    type: 'number',
    key: 'retryBudgetPct',
    label: 'Retry budget',
    unit: '%',
    default: 0,
    min: 0,
    max: 1000,
    help: 'Retries may add at most this share on top of first tries (plus 10 to start); 0 = no budget.',
  },
  {
    type: 'number',
    key: 'timeoutMs',
    label: 'Call timeout',
    unit: 'ms',
    default: 0,
    min: 0,
    max: 600_000,
    help: 'The caller gives up on a call after this long (0 = waits as long as it takes); the box called keeps working.',
  },
  {
    type: 'boolean',
    key: 'breaker',
    label: 'Circuit breaker',
    default: false,
    summary: { on: 'breaker', off: 'no breaker' },
    help: 'Stops calling when too many recent calls failed, then lets a few probes through to test.',
  },
  {
    type: 'number',
    key: 'breakerThresholdPct',
    label: 'Opens at',
    unit: '% failed',
    default: 50,
    min: 1,
    max: 100,
    help: 'With a breaker: it opens when this share of the last calls in its window failed.',
  },
  {
    type: 'number',
    key: 'breakerWindow',
    label: 'Window',
    unit: 'calls',
    default: 20,
    min: 1,
    max: 10_000,
    integer: true,
    help: 'With a breaker: how many of the most recent calls it judges (it waits for this many).',
  },
  {
    type: 'number',
    key: 'breakerOpenMs',
    label: 'Open for',
    unit: 'ms',
    default: 5000,
    min: 1,
    max: 600_000,
    help: 'With a breaker: how long it stays open, failing calls at once, before it probes.',
  },
  {
    type: 'number',
    key: 'breakerProbes',
    label: 'Probes',
    unit: 'calls',
    default: 1,
    min: 1,
    max: 100,
    integer: true,
    help: 'With a breaker: calls let through half-open; all succeed → closed, one fails → open again.',
  },
];

const byKey = new Map<string, LinkField>(LINK_FIELDS.map((f) => [f.key, f]));

/** The declared link setting `key`, if any. */
export function linkField(key: string): LinkField | undefined {
  return byKey.get(key);
}

/** A number setting of the connection (its default when absent). */
export function linkNumber(config: Config | undefined, key: string): number {
  const v = config?.[key];
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  const f = byKey.get(key);
  return f?.type === 'number' ? f.default : 0;
}

/** An enum setting of the connection. */
export function linkString(config: Config | undefined, key: string): string {
  const v = config?.[key];
  if (typeof v === 'string') return v;
  const f = byKey.get(key);
  return f?.type === 'enum' ? f.default : '';
}

/** A switch of the connection. */
export function linkBoolean(config: Config | undefined, key: string): boolean {
  const v = config?.[key];
  if (typeof v === 'boolean') return v;
  const f = byKey.get(key);
  return f?.type === 'boolean' ? f.default : false;
}

/** Does this connection ask the engine for anything (retries, a timeout, a breaker)? */
export function linkGuarded(edge: Pick<TopologyEdge, 'config'>): boolean {
  const c = edge.config;
  if (c === undefined) return false;
  return (
    linkNumber(c, 'retries') > 0 || linkNumber(c, 'timeoutMs') > 0 || linkBoolean(c, 'breaker')
  );
}

/** The settings without keys that hold their default (what links and exports carry). */
export function compactLinkConfig(config: Config | undefined): Config | undefined {
  if (config === undefined) return undefined;
  const out: Config = {};
  for (const [key, value] of Object.entries(config)) {
    const f = byKey.get(key);
    if (f && f.default === value) continue;
    out[key] = value;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

/** One short line for the canvas: "3 retries · 800 ms · breaker", or '' with none on. */
export function linkSummary(config: Config | undefined): string {
  if (config === undefined) return '';
  const parts: string[] = [];
  const retries = linkNumber(config, 'retries');
  if (retries > 0) parts.push(`${retries} retr${retries === 1 ? 'y' : 'ies'}`);
  const timeout = linkNumber(config, 'timeoutMs');
  if (timeout > 0) parts.push(`timeout ${timeout} ms`);
  if (linkBoolean(config, 'breaker')) parts.push('breaker');
  return parts.join(' · ');
}

// Small pure helpers shared by the Docker Compose and nginx.conf import/export: service
// names, durations and sizes written the way those tools read them.

/** A name Docker Compose, Docker's DNS and nginx all accept: `[a-z0-9-]`, a letter first. */
export function slug(text: string, fallback = 'box'): string {
  const s = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 50)
    .replace(/-+$/, '');
  if (s === '') return fallback;
  return /^[a-z]/.test(s) ? s : `${fallback}-${s}`;
}

/**
 * A box's name in the stack: its id when that is already a fine service, host and upstream
 * name (`app1`, `app_servers`, `orders-db`), else a slug of it.
 */
export function serviceName(id: string): string {
  return /^[a-z][a-z0-9_-]{0,49}$/.test(id) ? id : slug(id);
}

/** `base`, or `base-2`, `base-3`… when taken; the result is added to `used`. */
export function unique(base: string, used: Set<string>): string {
  let name = base;
  for (let i = 2; used.has(name); i++) name = `${base}-${i}`;
  used.add(name);
  return name;
}

/** An environment variable name from a service name: `orders-db` → `ORDERS_DB`. */
export function envName(service: string): string {
  return service.toUpperCase().replace(/[^A-Z0-9]+/g, '_');
}

/** Milliseconds as Compose and nginx write durations: `500ms`, `2s`, `90s`. */
export function duration(ms: number): string {
  const whole = Math.round(ms);
  if (whole <= 0) return '0s';
  return whole % 1000 === 0 ? `${whole / 1000}s` : `${whole}ms`;
}

const NGINX_UNITS: Record<string, number> = {
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 604_800_000,
  M: 2_592_000_000,
  y: 31_536_000_000,
};

/**
 * An nginx time (`500ms`, `5s`, `1m30s`, `60` = seconds) or a Compose duration (`1m30s`,
 * `2s`, `500ms`, `1h`, `10us`) in milliseconds; null when it is not one.
 */
export function parseDuration(text: string, bareUnit: 's' | 'ms' = 's'): number | null {
  const t = text.trim();
  if (/^\d+(\.\d+)?$/.test(t)) return Number(t) * (bareUnit === 's' ? 1000 : 1);
  const re = /(\d+(?:\.\d+)?)(ms|us|µs|ns|s|m|h|d|w|M|y)/gy;
  let total = 0;
  let matched = 0;
  for (let m = re.exec(t); m; m = re.exec(t)) {
    const unit = m[2]!;
    const n = Number(m[1]);
    if (unit === 'us' || unit === 'µs') total += n / 1000;
    else if (unit === 'ns') total += n / 1_000_000;
    else total += n * NGINX_UNITS[unit]!;
    matched = re.lastIndex;
  }
  return matched === t.length && matched > 0 ? total : null;
}

/** A Redis / Docker size (`256mb`, `1gb`, `100k`, `1048576`) in bytes; null if not one. */
export function parseBytes(text: string): number | null {
  const m = /^(\d+(?:\.\d+)?)\s*(b|k|kb|m|mb|g|gb|t|tb)?$/i.exec(text.trim());
  if (!m) return null;
  const n = Number(m[1]);
  const unit = (m[2] ?? 'b').toLowerCase();
  // Redis: k = 1000, kb = 1024 (and so on), as its redis.conf explains.
  const factor: Record<string, number> = {
    b: 1,
    k: 1e3,
    kb: 1024,
    m: 1e6,
    mb: 1024 ** 2,
    g: 1e9,
    gb: 1024 ** 3,
    t: 1e12,
    tb: 1024 ** 4,
  };
  return n * factor[unit]!;
}

export function clamp(n: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, n));
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

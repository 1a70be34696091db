// What a kind's Compose and nginx row says (each kind's is `src/kinds/<kind>/config.ts`)
// and the helpers the rows share. kinds.ts puts the rows together.

import { fieldSpec } from '../../model/kinds.ts';
import type { Config, NodeKind, TopologyNode } from '../../model/types.ts';
import { clamp, duration } from './names.ts';

/** A Compose service as we write it (key order is the order in the file). */
export interface ComposeService {
  image?: string;
  build?: string;
  command?: string[];
  environment?: Record<string, string>;
  healthcheck?: {
    test: string[];
    interval: string;
    timeout: string;
    retries: number;
    start_period?: string;
  };
  volumes?: string[];
  deploy?: { replicas: number };
}

/** What a kind's row gets to build its service. */
export interface ServiceContext {
  node: TopologyNode;
  /** This box's service name. */
  name: string;
  /** The services this box calls, with their kinds, for connection settings. */
  targets: { name: string; node: TopologyNode }[];
  /** The load balancer in front of this box, whose health checks it answers. */
  checkedBy?: TopologyNode;
  /** The nginx config file mounted into an nginx service (`nginx/nginx.conf`). */
  nginxConf?: string;
  /** A named volume for data (`db-data`). */
  volume: string;
  /** Connection settings for what it calls (`DB_URL=postgres://…@db:5432/app`). */
  connections: Record<string, string>;
}

/** A service from a compose file, normalized for the importers. */
export interface ServiceView {
  name: string;
  image?: string;
  /** The build context when the service is built from source. */
  build?: string;
  /** The command (and entrypoint) as one line of words. */
  command: string;
  environment: Record<string, string>;
  replicas?: number;
}

export interface ConfigKind {
  /** How it is written, one phrase for the README and the docs. */
  written: string;
  /** Kinds without a container of their own: why not (said in the README). */
  outside?: string;
  /** The port it listens on inside the network. */
  port?: number;
  /** The URL another service uses to reach it (an environment variable's value). */
  url?: (name: string, node: TopologyNode) => string;
  service?: (ctx: ServiceContext) => ComposeService;
  /** Real settings read back from a service into the box's config; notes say what. */
  read?: (service: ServiceView, config: Config, note: (text: string) => void) => void;
  /** Images that mean this kind on import. */
  images?: RegExp;
  /** How those images are named in a reason ("a PostgreSQL image"). */
  imageWhat?: string;
  /**
   * Words in a service's name that mean this kind when its image does not say (it is built
   * from source, or an image we do not know); for cron and workers also in its command.
   */
  names?: { words: RegExp; what: string };
  /** A command that means this kind whatever the name (a crontab line for cron). */
  command?: RegExp;
  /** Load balancers: the `upstream` method line of each strategy (null: none needed). */
  methods?: Record<string, string | null>;
  /** Where its `images` are tried on import: lower first (the most specific patterns). */
  imageRank?: number;
  /** Where its `names` are tried for a service built from source or an unknown image. */
  nameRank?: number;
  /** Its name, command or role says the kind even with an application image: in this order. */
  roleRank?: number;
}

export const num = (node: TopologyNode, key: string): number => {
  const v = node.config[key];
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  const f = fieldSpec(node.kind, key);
  return f?.type === 'number' ? f.default : 0;
};

/** Sets a number setting read from a file, inside the field's range; says so when clamped. */
export function setNumber(
  kind: NodeKind,
  config: Config,
  key: string,
  value: number,
  what: string,
  note: (text: string) => void,
): void {
  const f = fieldSpec(kind, key);
  if (f?.type !== 'number' || !Number.isFinite(value)) return;
  let v = clamp(value, f.min, f.max);
  if (f.integer) v = Math.round(v);
  if (v !== value)
    note(`${what} is ${value}; the ${f.label.toLowerCase()} here is ${v} (${f.min}–${f.max}).`);
  config[key] = v;
}

export const first = (
  env: Record<string, string>,
  names: readonly string[],
): number | undefined => {
  for (const n of names) {
    const v = env[n];
    if (v !== undefined && /^\s*\d+(\.\d+)?\s*$/.test(v)) return Number(v);
  }
  return undefined;
};

/** The health check a service answers, timed by the load balancer in front when there is one. */
export function httpCheck(ctx: ServiceContext, port: number): ComposeService['healthcheck'] {
  const lb = ctx.checkedBy;
  return {
    test: ['CMD', 'wget', '-q', '-O', '/dev/null', `http://localhost:${port}/health`],
    interval: duration(lb ? num(lb, 'healthCheckIntervalMs') : 10_000),
    timeout: duration(lb ? num(lb, 'healthCheckTimeoutMs') : 2000),
    retries: lb ? num(lb, 'unhealthyThreshold') : 3,
  };
}

export const isMysql = (node: TopologyNode) => /my\s*sql|maria/i.test(`${node.label} ${node.id}`);

export const replicasOf = (service: ServiceView, config: Config, note: (t: string) => void) => {
  if (service.replicas !== undefined) {
    setNumber(
      'app',
      config,
      'replicas',
      service.replicas,
      `${service.name}: deploy.replicas`,
      note,
    );
  }
};

// Guessing what a box of a foreign diagram is from its label, its id and its shape, so an
// architecture diagram from an article runs at once. The rules are ordered: the first that
// matches wins, most specific first ("payment gateway" is an external API before
// "gateway" makes it a proxy; "HAProxy" is a load balancer before "proxy" does).

import type { NodeKind } from '../../model/types.ts';
import { type ShapeHint, shapeHint } from './shapes.ts';

type BoxKind = Exclude<NodeKind, 'group'>;

const RULES: readonly [BoxKind, RegExp][] = [
  [
    'external',
    /\b(payments? (gateway|api|provider|processor|service)|stripe|paypal|braintree|adyen|twilio|sendgrid|mailgun|mailchimp|third[- ]?party|3rd[- ]?party|external|partner api|google maps|maps api|openai|vendor api|saas)\b/,
  ],
  ['lb', /\b(load[- ]?balanc\w*|lbs?\d*|elb|alb|nlb|haproxy|balancer)\b/],
  [
    'proxy',
    /\b(nginx|reverse[- ]?proxy|proxy|gateway|api[- ]?gw|ingress|envoy|traefik|caddy|httpd|front[- ]?door|edge router)\b/,
  ],
  ['cdn', /\b(cdns?|cloudfront|cloudflare|akamai|fastly|edge (cache|network|server)s?)\b/],
  ['dns', /\b(dns|route ?53|name ?servers?|resolver)\b/],
  ['cache', /\b(redis|memcached?|caches?|caching|valkey|varnish|in[- ]memory store|keydb)\b/],
  [
    'queue',
    /\b(rabbit(mq)?|nats|kafka|sqs|sns|queues?|mq|message (bus|broker)|event (bus|stream|hub)|bus|broker|pub ?\/? ?sub|kinesis|activemq|zeromq|pulsar|stream)\b/,
  ],
  [
    'db',
    /\b(dbs?|databases?|postgres(ql)?|pg|mysql|mariadb|sql|sqlite|mongo(db)?|dynamo(db)?|cassandra|oracle|mssql|sql server|elasticsearch|opensearch|cockroach(db)?|aurora|rds|data ?store|read replicas?|warehouse|bigquery|snowflake|couchdb|neo4j)\b|\w+sql\b|\bdb\d+\b/,
  ],
  ['cron', /\b(cron(job)?s?|scheduler|scheduled|timer|nightly|periodic|every \d+)\b/],
  [
    'worker',
    /\b(workers?|consumers?|background|jobs? (runner|processor)|sidekiq|celery|resque|processors?|lambda|batch)\b/,
  ],
  [
    'static',
    /\b(s3|buckets?|static|storage|files?|blobs?|object store|assets|gcs|minio|uploads|media store)\b/,
  ],
  ['app', /\b(services?|servers?|api|apis|backend|svc|microservices?|application|monolith)\b/],
  [
    'client',
    /\b(desktop|mobile|browsers?|users?|clients?|customers?|visitors?|web ?app|phones?|ios|android|frontend|front[- ]end|spa|people|end users?)\b/,
  ],
];

const SHAPE_KINDS: Record<ShapeHint, BoxKind | undefined> = {
  database: 'db',
  queue: 'queue',
  storage: 'static',
  other: undefined,
};

/** "userDB-2", "user_db" → "user db 2": ids give hints too. */
export function idWords(id: string): string {
  return id
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .replace(/[_\-.:/]+/g, ' ')
    .replace(/([a-zA-Z])(\d)/g, '$1 $2');
}

function matchText(text: string): BoxKind | undefined {
  const t = text.toLowerCase();
  for (const [kind, re] of RULES) if (re.test(t)) return kind;
  return undefined;
}

export interface InferInput {
  label: string;
  id: string;
  /** Mermaid's vertex type: `cylinder`, `subroutine`, `h-cyl`, … */
  shape?: string;
}

/**
 * The kind a foreign box most likely is: its label decides first, then its id, then its
 * shape (a cylinder is a database, a horizontal cylinder a queue); an app server otherwise.
 */
export function inferKind(input: InferInput): BoxKind {
  return (
    matchText(input.label) ??
    matchText(idWords(input.id)) ??
    SHAPE_KINDS[shapeHint(input.shape)] ??
    'app'
  );
}

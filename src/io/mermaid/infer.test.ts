import { describe, expect, it } from 'vitest';
import type { NodeKind } from '../../model/types.ts';
import { idWords, inferKind } from './infer.ts';

const CASES: [string, NodeKind][] = [
  ['nginx', 'proxy'],
  ['Nginx reverse proxy', 'proxy'],
  ['Reverse Proxy', 'proxy'],
  ['API Gateway', 'proxy'],
  ['Gateway', 'proxy'],
  ['Envoy', 'proxy'],
  ['Ingress', 'proxy'],
  ['LB', 'lb'],
  ['Load Balancer', 'lb'],
  ['load-balancer', 'lb'],
  ['AWS ELB', 'lb'],
  ['HAProxy', 'lb'],
  ['DB', 'db'],
  ['Database', 'db'],
  ['Postgres', 'db'],
  ['PostgreSQL primary', 'db'],
  ['MySQL', 'db'],
  ['SQL Server', 'db'],
  ['MongoDB', 'db'],
  ['User DB', 'db'],
  ['Read replica', 'db'],
  ['Redis', 'cache'],
  ['Redis Cache', 'cache'],
  ['Cache', 'cache'],
  ['Memcached', 'cache'],
  ['RabbitMQ', 'queue'],
  ['NATS', 'queue'],
  ['Kafka', 'queue'],
  ['Apache Kafka', 'queue'],
  ['SQS', 'queue'],
  ['Message queue', 'queue'],
  ['Event bus', 'queue'],
  ['Job queue', 'queue'],
  ['Cron', 'cron'],
  ['Cron job', 'cron'],
  ['Scheduler', 'cron'],
  ['Nightly report', 'cron'],
  ['CDN', 'cdn'],
  ['CloudFront', 'cdn'],
  ['Cloudflare', 'cdn'],
  ['DNS', 'dns'],
  ['Route 53', 'dns'],
  ['Desktop', 'client'],
  ['Mobile', 'client'],
  ['Browser', 'client'],
  ['User', 'client'],
  ['Users', 'client'],
  ['Client', 'client'],
  ['Web app', 'client'],
  ['Webapp', 'client'],
  ['Phone', 'client'],
  ['iOS app', 'client'],
  ['Worker', 'worker'],
  ['Email worker', 'worker'],
  ['Consumer', 'worker'],
  ['Image processor', 'worker'],
  ['S3', 'static'],
  ['S3 bucket', 'static'],
  ['Static files', 'static'],
  ['Object storage', 'static'],
  ['File storage', 'static'],
  ['Payment gateway', 'external'],
  ['Stripe', 'external'],
  ['Third-party API', 'external'],
  ['3rd party service', 'external'],
  ['External API', 'external'],
  ['Payment API', 'external'],
  ['App server', 'app'],
  ['Backend', 'app'],
  ['Auth service', 'app'],
  ['User service', 'app'],
  ['Orders API', 'app'],
  ['Service A', 'app'],
  ['Something else', 'app'],
  ['', 'app'],
];

describe('inferKind from labels', () => {
  it.each(CASES)('%s → %s', (label, kind) => {
    expect(inferKind({ label, id: 'x' })).toBe(kind);
  });
});

describe('inferKind from ids and shapes', () => {
  it('uses the id when the label says nothing', () => {
    expect(inferKind({ label: 'Primary', id: 'userDB' })).toBe('db');
    expect(inferKind({ label: 'Main', id: 'lb1' })).toBe('lb');
    expect(inferKind({ label: 'Tier 2', id: 'redis_cluster' })).toBe('cache');
    expect(inferKind({ label: 'A', id: 'A' })).toBe('app');
  });

  it('lets the label win over the id and the shape', () => {
    expect(inferKind({ label: 'Redis', id: 'db', shape: 'cylinder' })).toBe('cache');
    expect(inferKind({ label: 'Kafka', id: 'k', shape: 'cylinder' })).toBe('queue');
  });

  it('falls back to the shape: cylinders are databases, horizontal cylinders queues', () => {
    expect(inferKind({ label: '数据库', id: '数据库', shape: 'cylinder' })).toBe('db');
    expect(inferKind({ label: 'Ledger', id: 'L', shape: 'cyl' })).toBe('db');
    expect(inferKind({ label: 'Ledger', id: 'L', shape: 'lin-cyl' })).toBe('db');
    expect(inferKind({ label: 'Inbox', id: 'I', shape: 'h-cyl' })).toBe('queue');
    expect(inferKind({ label: 'Inbox', id: 'I', shape: 'das' })).toBe('queue');
    expect(inferKind({ label: 'Svc', id: 'S', shape: 'subroutine' })).toBe('app');
  });

  it('splits ids into words', () => {
    expect(idWords('userDB-2')).toBe('user DB 2');
    expect(idWords('order_queue')).toBe('order queue');
    expect(idWords('HTTPServer')).toBe('HTTP Server');
  });
});

// Reading a label: the name and its head noun, what it uses, what is said in passing.

import { describe, expect, it } from 'vitest';
import { idWords, readGroupTitle, readLabel, splitIcons } from './words.ts';

const head = (label: string) => readLabel(label).head.map((m) => `${m.kind}:${m.phrase}`);

describe('readLabel', () => {
  it('takes the head noun at the end of the name', () => {
    expect(head('Order service')).toEqual(['app:service']);
    expect(head('User DB')).toEqual(['db:db']);
    expect(head('Redis Cache')).toEqual(['cache:cache']);
    expect(head('App 1')).toEqual(['app:app']);
  });

  it('reads what comes after "+", "with" or "… cached" as what the box uses', () => {
    const r = readLabel('User service + redis');
    expect(r.head.map((m) => m.phrase)).toEqual(['service']);
    expect(r.uses.map((m) => m.phrase)).toEqual(['redis']);
    expect(readLabel('QR Service — Redis cached').uses.map((m) => m.phrase)).toEqual(['redis']);
  });

  it('makes "Stripe API" Stripe’s and "Kafka UI" a tool for Kafka', () => {
    expect(head('Stripe API')).toEqual(['external:stripe']);
    expect(head('Queue service')).toEqual(['queue:queue']);
    expect(head('Kafka UI')).toEqual(['app:ui']);
    expect(head('Redis replica 2')).toEqual(['cache:redis']);
    expect(head('kafka-to-postgresql')).toEqual(['worker:x to y']);
  });

  it('leaves addresses, ports, host names and icons out', () => {
    expect(head('10.0.0.3:5000 - API Server + redis')).toEqual(['app:api server']);
    expect(head(':3306 DB')).toEqual(['db:db']);
    expect(readLabel('fa:fa-database Orders').icons).toEqual(['database']);
    expect(splitIcons('fa:fa-user Ana').text).toBe('Ana');
    // A host name is no word: the name is the next line.
    expect(head('api.example.com\nLoad Balancer')).toEqual(['lb:load balancer']);
  });

  it('reads alternatives, later lines and C4 technologies', () => {
    expect(head('RabbitMQ/NATS').sort()).toEqual(['queue:nats', 'queue:rabbitmq']);
    // A phrase across the slash is one name, not two alternatives.
    expect(head('Pub/Sub')).toEqual(['queue:pub sub']);
    const c4 = readLabel('Rate Limiter\n[Database: Redis]');
    expect(c4.c4.map((m) => m.phrase)).toEqual(['redis']);
    const role = readLabel('Nginx\nLoad Balancer');
    expect(role.aside.map((m) => m.phrase)).toEqual(['load balancer']);
    expect(role.roleAside).toBe(true);
    expect(head('Firebase\nAuthentication')).toEqual(['external:firebase authentication']);
  });

  it('reads what comes after "on" as where the box runs, not what it is', () => {
    const agent = readLabel('Agent on LB');
    expect(agent.head).toEqual([]);
    expect(agent.modifiers).toEqual([]);
    expect(head('Redis on EC2 instance')).toEqual(['cache:redis']);
    expect(head('Postgres on Kubernetes')).toEqual(['db:postgres']);
    // Only generic nouns before "on": the whole name is read.
    expect(head('Instance on Redis')).toEqual(['cache:redis']);
  });

  it('splits ids into words', () => {
    expect(idWords('userDB-2')).toBe('user DB 2');
    expect(idWords('HTTPServer')).toBe('HTTP Server');
  });
});

describe('readGroupTitle', () => {
  it('finds the title’s head noun', () => {
    const r = readGroupTitle('Databases');
    expect(r.head.map((m) => m.kind)).toEqual(['db']);
    expect(readGroupTitle('Event Ingestion').head).toEqual([]);
    expect(readGroupTitle('API Gateway [Container: Node.js]').head.map((m) => m.kind)).toEqual([
      'proxy',
    ]);
  });
});

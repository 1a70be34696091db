import { describe, expect, it } from 'vitest';
import type { NodeKind } from '../../model/types.ts';
import type { DrawnArrow, DrawnBox, DrawnGraph } from './drawn.ts';
import { guessKinds, places } from './kinds.ts';
import { idWords } from './words.ts';

function box(id: string, label: string, extra: Partial<DrawnBox> = {}): DrawnBox {
  return { id, label, plain: label, group: false, icons: [], classes: [], ...extra };
}

function graph(boxes: DrawnBox[], arrows: [string, string][] = []): DrawnGraph {
  return {
    boxes,
    arrows: arrows.map(
      ([source, target]): DrawnArrow => ({
        source,
        target,
        label: '',
        faint: false,
        twoWay: false,
      }),
    ),
    direction: 'LR',
    notes: [],
  };
}

/** The kind of one box from its own evidence (no arrows). */
function kindOf(label: string, extra: Partial<DrawnBox> & { id?: string } = {}): NodeKind {
  const { id = 'x', ...rest } = extra;
  return guessKinds(graph([box(id, label, rest)]), { graph: false }).get(id)!.kind;
}

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
  ['Target Group', 'lb'],
  ['Target Group\naws_lb_target_group.app', 'lb'],
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
  ['Service: redis\nport 6379', 'cache'],
  ['Service: postgres\nStatefulSet, port 5432', 'db'],
  ['StatefulSet: kafka', 'queue'],
  ['Deployment: orders', 'app'],
  ['Meilisearch', 'db'],
  ['Knowledge Bases', 'db'],
  ['ECS Fargate - Workers', 'worker'],
  ['ECS Fargate - API', 'app'],
  ['ECS', 'app'],
  ['Fargate task', 'app'],
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
  ['mail-service: 3d party', 'external'],
  ['App server', 'app'],
  ['Backend', 'app'],
  ['Auth service', 'app'],
  ['User service', 'app'],
  ['Orders API', 'app'],
  ['Service A', 'app'],
  ['Something else', 'app'],
  ['', 'app'],
  // The head of the label decides: services that use Redis, tools that watch something.
  ['User service + redis', 'app'],
  ['QR Service — Redis cached', 'app'],
  ['API Server + redis', 'app'],
  ['Kafka UI', 'app'],
  ['Postgres exporter', 'app'],
  ['Grafana', 'app'],
  ['Redis-backed sessions', 'cache'],
  ['Cache (Redis)', 'cache'],
  ['Sessions (Redis)', 'cache'],
  ['Orders (Postgres)', 'db'],
  ['Order Service\n(Spring Boot)', 'app'],
  ['Queue service', 'queue'],
  ['Storage service', 'static'],
  ['Event Messaging RabbitMQ/NATS streaming', 'queue'],
  ['user-events', 'queue'],
  ['Notification worker', 'worker'],
  // Addresses and ports are not words.
  ['10.0.0.3:5000 - API Server + redis', 'app'],
  [':80/:443 Nginx reverse proxy server', 'proxy'],
  ['10.0.0.2:80/:443 - Nginx reverse proxy server', 'proxy'],
  [':3306 DB', 'db'],
  ['http://localhost:8080 Admin API', 'app'],
  // What runs "on" another box is not that box.
  ['Agent on LB', 'app'],
  ['Postgres on EC2', 'db'],
];

describe('kinds from the label', () => {
  it.each(CASES)('%s → %s', (label, kind) => {
    expect(kindOf(label)).toBe(kind);
  });
});

describe('kinds from ids, shapes, icons, classes and subgraphs', () => {
  it('uses the id when the label says nothing', () => {
    expect(kindOf('Primary', { id: 'userDB' })).toBe('db');
    expect(kindOf('Main', { id: 'lb1' })).toBe('lb');
    expect(kindOf('Tier 2', { id: 'redis_cluster' })).toBe('cache');
    expect(kindOf('A', { id: 'A' })).toBe('app');
  });

  it('lets the label win over the id and the shape', () => {
    expect(kindOf('Redis', { id: 'db', shape: 'cylinder' })).toBe('cache');
    expect(kindOf('Kafka', { id: 'k', shape: 'cylinder' })).toBe('queue');
  });

  it('falls back to the shape: cylinders are databases, horizontal cylinders queues', () => {
    expect(kindOf('数据库', { id: '数据库', shape: 'cylinder' })).toBe('db');
    expect(kindOf('Ledger', { id: 'L', shape: 'cyl' })).toBe('db');
    expect(kindOf('Ledger', { id: 'L', shape: 'lin-cyl' })).toBe('db');
    expect(kindOf('Inbox', { id: 'I', shape: 'h-cyl' })).toBe('queue');
    expect(kindOf('Inbox', { id: 'I', shape: 'das' })).toBe('queue');
    expect(kindOf('Svc', { id: 'S', shape: 'subroutine' })).toBe('app');
  });

  it('reads a name of the work itself drawn as a queue as the queue holding it', () => {
    expect(kindOf('Background Jobs', { id: 'q', shape: 'h-cyl' })).toBe('queue');
    expect(kindOf('Batch jobs', { id: 'q', shape: 'das' })).toBe('queue');
    // Without the queue's shape the work is done by a worker; a worker named so stays one.
    expect(kindOf('Background Jobs', { id: 'q' })).toBe('worker');
    expect(kindOf('Background worker', { id: 'q', shape: 'h-cyl' })).toBe('worker');
  });

  it('keeps a subgraph’s evidence for the alternative of the name it confirms', () => {
    const g = graph([
      { ...box('lbs', 'Load balancers'), group: true },
      box('lb', 'Nginx/ALB', { parent: 'lbs' }),
      box('px', 'Nginx', { parent: 'lbs' }),
    ]);
    const kinds = guessKinds(g, { graph: false });
    expect(kinds.get('lb')!.kind).toBe('lb');
    // A name naming only the other member still takes the family's evidence.
    expect(kinds.get('px')!.kind).toBe('proxy');
  });

  it('splits ids into words', () => {
    expect(idWords('userDB-2')).toBe('user DB 2');
    expect(idWords('order_queue')).toBe('order queue');
    expect(idWords('HTTPServer')).toBe('HTTP Server');
  });

  it('reads icons, class names and the subgraph a box sits in', () => {
    expect(kindOf('Orders', { icons: ['database'] })).toBe('db');
    expect(kindOf('Ana', { icons: ['user'] })).toBe('client');
    expect(kindOf('Orders', { classes: ['database'] })).toBe('db');
    const g = graph([
      { ...box('data', 'Databases'), group: true },
      box('orders', 'Orders', { parent: 'data' }),
      box('redis', 'Redis', { parent: 'data' }),
    ]);
    const kinds = guessKinds(g, { graph: false });
    expect(kinds.get('orders')).toMatchObject({ kind: 'db', reasons: ['in “Databases”'] });
    // A telling label wins over the subgraph.
    expect(kinds.get('redis')!.kind).toBe('cache');
  });

  it('gives its reasons in plain words, strongest first', () => {
    const g = graph([box('pg', 'Postgres', { shape: 'cylinder' }), box('q', 'Ledger')]);
    expect(guessKinds(g, { graph: false }).get('pg')!.reasons).toEqual([
      'names Postgres',
      'cylinder',
    ]);
    expect(guessKinds(graph([box('x', 'Thing')]), { graph: false }).get('x')!.reasons).toEqual([
      'nothing says otherwise',
    ]);
  });
});

describe('kinds from where a box sits', () => {
  it('never makes a box that requests flow into a client', () => {
    const g = graph(
      [box('nginx', 'nginx'), box('user', 'User + redis'), box('ssr', 'SSR client')],
      [
        ['nginx', 'user'],
        ['nginx', 'ssr'],
      ],
    );
    const kinds = guessKinds(g);
    expect(kinds.get('user')!.kind).toBe('app');
    expect(kinds.get('ssr')).toMatchObject({ kind: 'app' });
    expect(kinds.get('ssr')!.reasons).toContain('requests flow into it, so not a client');
  });

  it('makes a box at the edge named like a browser, phone or users a client', () => {
    const g = graph(
      [box('web', 'Web UI'), box('api', 'API'), box('tool', 'Kafka UI'), box('k', 'Kafka')],
      [
        ['web', 'api'],
        ['tool', 'k'],
      ],
    );
    const kinds = guessKinds(g);
    expect(kinds.get('web')).toMatchObject({ kind: 'client' });
    expect(kinds.get('web')!.reasons).toContain('nothing flows into it');
    expect(kinds.get('tool')!.kind).toBe('app');
    expect(kinds.get('k')!.kind).toBe('queue');
  });

  it('reads an answer drawn back to the caller as no request', () => {
    const g = graph(
      [box('u', 'Users'), box('api', 'API')],
      [
        ['u', 'api'],
        ['api', 'u'],
      ],
    );
    expect(places(g).get('u')!.fed).toBe(0);
    expect(guessKinds(g).get('u')!.kind).toBe('client');
  });

  it('counts arrows to and from the subgraphs holding a box', () => {
    const g = graph(
      [
        { ...box('clients', 'clients'), group: true },
        box('desktop', 'Desktop', { parent: 'clients' }),
        box('nginx', 'nginx'),
      ],
      [['clients', 'nginx']],
    );
    expect(places(g).get('desktop')).toEqual({
      fed: 0,
      fedLoosely: 0,
      sends: true,
      feeders: [],
      targets: ['nginx'],
    });
    expect(places(g).get('nginx')).toMatchObject({ fed: 1, feeders: ['clients'] });
    expect(guessKinds(g).get('desktop')!.kind).toBe('client');
  });

  it('reads a service named after a provider’s job that calls the provider as your own', () => {
    const g = graph(
      [
        box('api', 'API'),
        box('mail', 'Email Service'),
        box('sg', 'SendGrid'),
        box('sms', 'SMS service'),
      ],
      [
        ['api', 'mail'],
        ['mail', 'sg'],
        ['api', 'sms'],
      ],
    );
    const kinds = guessKinds(g);
    expect(kinds.get('mail')).toMatchObject({ kind: 'app' });
    expect(kinds.get('mail')!.reasons).toContain('calls “SendGrid” for it');
    expect(kinds.get('sg')!.kind).toBe('external');
    // Calling nothing, it is the provider.
    expect(kinds.get('sms')!.kind).toBe('external');
  });

  it('makes a generic function fed only by queues their consumer', () => {
    const g = graph(
      [box('api', 'API'), box('q', 'SQS'), box('fn', 'Lambda Function\n(Analytics)')],
      [
        ['api', 'q'],
        ['q', 'fn'],
      ],
    );
    expect(guessKinds(g).get('fn')!.kind).toBe('worker');
    expect(
      guessKinds(graph([box('fn', 'Lambda Function')]), { graph: false }).get('fn')!.kind,
    ).toBe('app');
  });

  it('reads Redis as the broker when the arrows into it say messages go in or out', () => {
    const labelled = (label: string): DrawnGraph => ({
      ...graph([box('api', 'FastAPI'), box('r', 'Redis :6379')], [['api', 'r']]),
      arrows: [{ source: 'api', target: 'r', label, faint: false, twoWay: false }],
    });
    for (const label of ['enqueue tasks', 'Task Push', 'consume tasks', 'Dispatch Task']) {
      expect(guessKinds(labelled(label)).get('r')!.kind, label).toBe('queue');
    }
    expect(guessKinds(labelled('sessions')).get('r')!.kind).toBe('cache');
    expect(guessKinds(labelled('')).get('r')!.kind).toBe('cache');
    // A worker that nothing feeds takes its jobs from the Redis it points at.
    const consumer = graph(
      [box('api', 'API'), box('r', 'Redis'), box('w', 'Worker')],
      [
        ['api', 'r'],
        ['w', 'r'],
      ],
    );
    expect(guessKinds(consumer).get('r')).toMatchObject({ kind: 'queue' });
    expect(guessKinds(consumer).get('r')!.reasons).toContain('“Worker” takes its jobs there');
  });

  it('makes a source that runs at an interval cron', () => {
    const g = graph([box('hm', 'Health Monitor\n5s interval'), box('x', 'Stripe')], [['hm', 'x']]);
    expect(guessKinds(g).get('hm')!.kind).toBe('cron');
  });

  it('does not make a box that services call and that calls nothing a worker', () => {
    const g = graph(
      [
        { ...box('ext', 'External'), group: true },
        box('api', 'API'),
        box('pp', 'Default Processor\n3% fee', { parent: 'ext' }),
        box('q', 'Queue'),
        box('w', 'Image Processor'),
      ],
      [
        ['api', 'pp'],
        ['api', 'q'],
        ['q', 'w'],
      ],
    );
    const kinds = guessKinds(g);
    expect(kinds.get('pp')).toMatchObject({ kind: 'external' });
    // Fed by a queue it is the consumer, calling nothing or not.
    expect(kinds.get('w')!.kind).toBe('worker');
  });

  it('makes a source named like a schedule cron', () => {
    const g = graph([box('c', 'CRON Service'), box('db', 'DB')], [['c', 'db']]);
    expect(guessKinds(g).get('c')!.kind).toBe('cron');
  });
});

describe('kinds from labels in other languages', () => {
  const OTHER: [string, NodeKind][] = [
    ['Base de Datos', 'db'],
    ['Base de Datos MySQL', 'db'],
    ['Banco de Dados', 'db'],
    ['База данных', 'db'],
    ['データベース', 'db'],
    ['데이터베이스', 'db'],
    ['캐시', 'cache'],
    ['Кэш', 'cache'],
    ['キャッシュ', 'cache'],
    ['Cola de mensajes', 'queue'],
    ['Очередь сообщений', 'queue'],
    ['メッセージキュー', 'queue'],
    ['Almacenamiento', 'static'],
    ['Almacenamiento R2', 'static'],
    ['Servicios Externos', 'external'],
    ['Внешние службы', 'external'],
    ['Balanceador de carga', 'lb'],
    ['Балансировщик нагрузки', 'lb'],
    ['Proxy reverso', 'proxy'],
    ['Usuario', 'client'],
    ['Пользователь', 'client'],
    ['ユーザー', 'client'],
    ['사용자', 'client'],
    ['Servicio de Pagos', 'app'],
    ['Планировщик', 'cron'],
  ];
  it.each(OTHER)('%s → %s', (label, kind) => {
    expect(kindOf(label)).toBe(kind);
  });

  it('reads a subgraph titled in another language', () => {
    const g = graph([
      { ...box('d', 'Base de datos'), group: true },
      box('x', 'Pedidos', { parent: 'd' }),
    ]);
    expect(guessKinds(g, { graph: false }).get('x')!.kind).toBe('db');
  });
});

describe('a few more English words', () => {
  it('reads a CDN origin store as object storage', () => {
    expect(kindOf('CDN Origin Store')).toBe('static');
    expect(kindOf('Origin bucket')).toBe('static');
  });
});

describe('a hop between the front doors', () => {
  it('is part of them, unless its name says it is a frontend', () => {
    const hop = (label: string) =>
      guessKinds(
        graph(
          [box('u', 'User'), box('h', label), box('gw', 'API Gateway'), box('api', 'Backend')],
          [
            ['u', 'h'],
            ['h', 'gw'],
            ['gw', 'api'],
          ],
        ),
      ).get('h')!.kind;
    expect(hop('Edge Auth')).toBe('proxy');
    expect(hop('Frontend App')).toBe('app');
  });
});

// How a queue box is written as Docker Compose (and nginx) configuration and read back from
// it (io layer): its row of io/config/kinds.ts, which says what each field means.

import { type ConfigKind, num, setNumber } from '../../io/config/rows.ts';

export const compose: ConfigKind = {
  names: { words: /\b(rabbit\w*|kafka|nats|broker|mq)\b/i, what: 'is a message broker' },
  written:
    'a `rabbitmq` service (redelivery after `consumer_timeout`) with a health check; workers depend on it',
  port: 5672,
  url: (name) => `amqp://guest:guest@${name}:5672`,
  service: (ctx) => ({
    image: 'rabbitmq:3-management-alpine',
    environment: {
      RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS: `-rabbit consumer_timeout ${num(ctx.node, 'visibilityTimeoutMs')}`,
    },
    healthcheck: {
      test: ['CMD', 'rabbitmq-diagnostics', '-q', 'ping'],
      interval: '10s',
      timeout: '5s',
      retries: 10,
    },
  }),
  read: (s, config, note) => {
    const m = /consumer_timeout\s+(\d+)/.exec(
      `${s.environment.RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS ?? ''} ${s.command}`,
    );
    if (m) {
      setNumber(
        'queue',
        config,
        'visibilityTimeoutMs',
        Number(m[1]),
        `${s.name}: consumer_timeout`,
        note,
      );
    }
  },
  images:
    /(^|\/)(rabbitmq|bitnami\/rabbitmq|kafka|confluentinc\/cp-kafka|bitnami\/kafka|apache\/kafka|redpandadata\/redpanda|vectorized\/redpanda|redpanda|nats|nats-streaming|activemq[\w-]*|apache\/activemq[\w-]*|artemis|pulsar|apachepulsar\/pulsar|eclipse-mosquitto|emqx\/emqx|emqx|elasticmq|softwaremill\/elasticmq[\w-]*|beanstalkd|nsqio\/nsq)([:@]|$)/,
  imageWhat: 'a message broker',
  imageRank: 3,
  nameRank: 6,
};

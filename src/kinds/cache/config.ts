// How a cache box is written as Docker Compose (and nginx) configuration and read back from
// it (io layer): its row of io/config/kinds.ts, which says what each field means.

import { type ConfigKind, num, setNumber } from '../../io/config/rows.ts';
import { parseBytes } from '../../io/config/names.ts';

export const compose: ConfigKind = {
  names: { words: /\b(redis\w*|memcached?|cache|valkey)\b/i, what: 'is an in-memory store' },
  written:
    'a `redis` service with `--maxmemory` from its capacity (1 KB per entry) and `--maxmemory-policy allkeys-lru`, and a `redis-cli ping` health check',
  port: 6379,
  url: (name) => `redis://${name}:6379`,
  service: (ctx) => {
    const capacity = num(ctx.node, 'capacity');
    const command = ['redis-server'];
    if (capacity > 0) command.push('--maxmemory', `${capacity}kb`);
    command.push('--maxmemory-policy', 'allkeys-lru');
    return {
      image: 'redis:7-alpine',
      command,
      healthcheck: {
        test: ['CMD', 'redis-cli', 'ping'],
        interval: '5s',
        timeout: '3s',
        retries: 10,
      },
    };
  },
  read: (s, config, note) => {
    const m = /--maxmemory\s+(\S+)/i.exec(s.command);
    const bytes = m ? parseBytes(m[1]!) : null;
    if (bytes !== null && bytes > 0) {
      setNumber(
        'cache',
        config,
        'capacity',
        bytes / 1024,
        `${s.name}: --maxmemory ${m![1]} (1 KB per entry)`,
        note,
      );
    }
  },
  images:
    /(^|\/)(redis|redis-stack[\w-]*|bitnami\/redis|valkey|valkey\/valkey|memcached|keydb|eqalpha\/keydb|dragonfly|dragonflydb\/dragonfly|hazelcast[\w/-]*|garnet)([:@]|$)/,
  imageWhat: 'an in-memory store',
  imageRank: 2,
  nameRank: 5,
};

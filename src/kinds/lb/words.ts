// Load balancer: its Mermaid shape, words and tie rank, and its rows of docs/engine.md.
// Only Mermaid import and export and the docs test read them (src/kinds/words.ts lists
// them), so they are not on the first page or in the simulation Worker.

import { defineWords } from '../spec.ts';

export default defineWords({
  mermaid: {
    shape: { open: '[/', close: '\\]', name: 'trapezoid' },
    tieRank: 7,
    evidence: {
      strong: [
        'load balancer',
        'loadbalancer',
        'balancer',
        'sticky sessions',
        'lb',
        'elb',
        'alb',
        'nlb',
        'application load balancer',
        'network load balancer',
        // The set of backends a cloud load balancer spreads over (AWS, GCP; Azure's pool).
        'target group',
        'backend pool',
      ],
      heads: ['load balancing'],
      words: [
        'haproxy',
        'metallb',
        'f5',
        'aws elb',
        'azure load balancer',
        'vip',
        'virtual ip',
        'keepalived',
      ],
      icons: ['balance-scale', 'scale-balanced'],
      shapes: [],
      groups: ['load balancing', 'load balancer'],
    },
  },
  docs: [
    [
      'lb',
      "backends = every replica of every target. Strategies: round-robin, least-connections (its own in-flight count per backend, ties rotate), random, weighted (smooth WRR with the target app's `weight`), ip-hash (hash of the user, sticky; next healthy one if down), p2c (two random, fewer in flight). It knows a backend is dead only from health checks: every `healthCheckIntervalMs` each backend is checked; a dead one (crashed, or the edge cut) fails the check `healthCheckTimeoutMs` later; `unhealthyThreshold` failures in a row remove it, `healthyThreshold` passes bring it back. In between, requests sent to a crashed backend fail with `down`. No healthy backend → `no-route`.",
    ],
  ],
});

// Load balancer: Spreads requests over several copies of a server and skips dead ones.
// Everything the model knows about this kind (see src/kinds/spec.ts).
// Its Mermaid shape and words and its docs rows are in words.ts beside it.

import { ALB_HOURLY, monthly } from '../../model/prices.ts';
import { defineKind } from '../spec.ts';

export default defineKind({
  id: 'lb',
  title: 'Load balancer',
  defaultLabel: 'Load balancer',
  blurb: 'Spreads requests over several copies of a server and skips dead ones.',
  color: '#8b5cf6',
  summary: ['strategy'],
  fields: [
    {
      type: 'enum',
      key: 'strategy',
      label: 'Strategy',
      default: 'round-robin',
      options: [
        { value: 'round-robin', label: 'Round robin' },
        { value: 'least-connections', label: 'Least connections' },
        { value: 'random', label: 'Random' },
        { value: 'weighted', label: 'Weighted' },
        { value: 'ip-hash', label: 'IP hash (sticky)' },
        { value: 'p2c', label: 'Power of two choices' },
      ],
      help: 'How the next server is picked.',
    },
    {
      type: 'number',
      key: 'healthCheckIntervalMs',
      label: 'Health check every',
      unit: 'ms',
      default: 2000,
      min: 100,
      max: 600_000,
      help: 'How often each server is asked "are you alive?".',
    },
    {
      type: 'number',
      key: 'healthCheckTimeoutMs',
      label: 'Health check timeout',
      unit: 'ms',
      default: 500,
      min: 1,
      max: 60_000,
      help: 'No answer within this time counts as a failed check.',
    },
    {
      type: 'number',
      key: 'unhealthyThreshold',
      label: 'Failures to remove',
      default: 2,
      min: 1,
      max: 100,
      integer: true,
      help: 'Failed checks in a row before a server stops getting traffic.',
    },
    {
      type: 'number',
      key: 'healthyThreshold',
      label: 'Successes to return',
      default: 2,
      min: 1,
      max: 100,
      integer: true,
      help: 'Passed checks in a row before a removed server gets traffic again.',
    },
  ],
  palette: 'Front door',
  role: 'passes',
  cost: {
    product: 'Application Load Balancer',
    sizing: 'one ALB-hour and one LCU-hour every hour',
    note: 'More traffic uses more LCUs ($0.008 an hour each); only one is counted.',
    sources: ['alb', 'hours'],
    sizes: [],
    price: () => ({
      product: 'Application Load Balancer',
      monthlyUsd: monthly(ALB_HOURLY),
      why: 'one ALB and one LCU',
    }),
  },
  raises: ['no-route'],
});

// How a relay is written as configuration (io layer): it is not a container of its own.

import type { ConfigKind } from '../../../io/config/rows.ts';

export const compose: ConfigKind = {
  written: 'not a service: a relay is a hop in the network between two services',
  outside: 'a relay is a hop in the network, not a container',
};

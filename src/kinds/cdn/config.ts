// How a cdn box is written as Docker Compose (and nginx) configuration and read back from
// it (io layer): its row of io/config/kinds.ts, which says what each field means.

import type { ConfigKind } from '../../io/config/rows.ts';

export const compose: ConfigKind = {
  written: 'not a service: a CDN sits in front of the stack, on the internet',
  outside: 'a CDN sits in front of your server on the internet (point it at nginx)',
  images: /(^|\/)(varnish)(:|$)/,
  imageWhat: 'an HTTP cache in front (Varnish)',
  imageRank: 7,
};

// How a client box is written as Docker Compose (and nginx) configuration and read back from
// it (io layer): its row of io/config/kinds.ts, which says what each field means.

import type { ConfigKind } from '../../io/config/rows.ts';

export const compose: ConfigKind = {
  names: {
    words:
      /\b(load ?test(er|ing|s)?|load ?gen(erator)?|loadgen|user ?sim|simulator|locust|k6|siege|seed|client)\b/i,
    what: 'sends requests (a load generator or test client)',
  },
  written:
    'not a service: the users are outside the stack; nginx.conf gets their timeout (proxy_read_timeout)',
  outside: 'users are outside the stack (send traffic with a load tester such as k6, hey or wrk)',
  images: /(^|\/)(k6|locust|locustio|jmeter|vegeta|hey|wrk2?|artillery|gatling|siege|ab)(:|$)/,
  imageWhat: 'a load generator',
  imageRank: 8,
  nameRank: 0,
};

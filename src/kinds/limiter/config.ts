// How a limiter box is written as Docker Compose (and nginx) configuration and read back
// from it (io layer): its row of io/config/kinds.ts, which says what each field means.

import type { ConfigKind } from '../../io/config/rows.ts';

export const compose: ConfigKind = {
  written:
    'not a service: the stack gets no container for it (in production a rate limit is a setting of the proxy or gateway in front, such as nginx `limit_req`)',
  outside: 'a rate limit is a setting of the proxy or gateway in front, not a container',
};

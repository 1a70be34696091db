// How a dns box is written as Docker Compose (and nginx) configuration and read back from
// it (io layer): its row of io/config/kinds.ts, which says what each field means.

import type { ConfigKind } from '../../io/config/rows.ts';

export const compose: ConfigKind = {
  written: 'not a service: Docker’s own DNS finds services by name inside the stack',
  outside:
    'Docker’s own DNS answers service names inside the stack; public DNS points at your server',
  images: /(^|\/)(coredns|bind9?|dnsmasq|unbound|pihole|pi-hole|powerdns|pdns[\w-]*)(:|$)/,
  imageWhat: 'a DNS server',
  imageRank: 6,
};

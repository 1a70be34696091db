// How a external box is written as Docker Compose (and nginx) configuration and read back from
// it (io layer): its row of io/config/kinds.ts, which says what each field means.

import type { ConfigKind } from '../../io/config/rows.ts';

export const compose: ConfigKind = {
  names: {
    words: /\b(smtp|ldap|openldap|httpbin|stripe|paypal|payment ?(gateway|provider|api))\b/i,
    what: 'stands in for someone else’s service',
  },
  written:
    'not a service: the boxes that call it get `<NAME>_URL` (a placeholder address) and `<NAME>_TIMEOUT_MS`',
  outside: 'someone else’s service: the boxes calling it get its address as a placeholder variable',
  // A label that is an address (`api.stripe.com`) is used as it is; else a placeholder.
  url: (name, node) =>
    /^[a-z0-9-]+(\.[a-z0-9-]+)+(:\d+)?$/i.test(node.label.trim())
      ? `https://${node.label.trim().toLowerCase()}`
      : `https://${name}.example.com`,
  images:
    /(^|\/)(wiremock|wiremock\/wiremock|mockserver|mockserver\/mockserver|mailhog|mailhog\/mailhog|axllent\/mailpit|mailpit|maildev|maildev\/maildev|rnwood\/smtp4dev|smtp4dev|stripe\/stripe-mock|stripemock\/stripe-mock|mountebank|stoplight\/prism|httpbin|kennethreitz\/httpbin|kong\/httpbin|mccutchen\/go-httpbin|openldap|osixia\/openldap|bitnami\/openldap|bitnamilegacy\/openldap)([:@]|$)/,
  imageWhat: 'a stand-in for someone else’s service',
  imageRank: 5,
  nameRank: 1,
};

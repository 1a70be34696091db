// Runs before the app's modules (a classic script runs before deferred module scripts): tells
// zod to stay "jitless", so it never probes `new Function("")`, which the pages'
// Content-Security-Policy (no 'unsafe-eval') would report as a violation. Set here rather
// than in the bundle because zod checks when an object schema is created, and the schemas
// sit in a shared chunk that runs before the entry's own code. zod reads this global
// (globalThis.__zod_globalConfig, in zod/v4/core/core.js) when it loads.
globalThis.__zod_globalConfig = Object.assign(globalThis.__zod_globalConfig || {}, { jitless: true });

// Runs first in both pages' bundles: the built pages carry a Content-Security-Policy without
// 'unsafe-eval' (vite.config.ts). zod would otherwise probe `new Function("")` to decide
// whether to compile its checks, and the browser would report that probe as a policy
// violation; told to stay "jitless" it never tries. zod probes when an object schema is
// created, and since dialogs and panels load on first use the schemas sit in a shared chunk
// that runs before the entry's own code, so the pages set this first in a classic script
// (public/zod-jitless.js, run before any module). Set here too, for anything that runs this
// bundle without that page (zod reads globalThis.__zod_globalConfig when it loads; no
// import of zod here, so it is not tied to the first page's code).

const g = globalThis as { __zod_globalConfig?: Record<string, unknown> };
g.__zod_globalConfig = Object.assign(g.__zod_globalConfig ?? {}, { jitless: true });

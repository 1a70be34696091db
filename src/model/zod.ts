// zod, told to stay "jitless" before any schema exists. Every module that builds a schema
// imports z from here, so the setting holds whatever order the bundler runs modules in.
// Otherwise zod probes `new Function("")` on its first parse to decide whether to compile
// its checks, and under the built pages' Content-Security-Policy (no 'unsafe-eval',
// vite.config.ts) the browser reports that probe as a policy violation. (The pages also set
// it in a classic script before any module, public/zod-jitless.js: a shared chunk may build
// schemas before this module runs.)

import { z } from 'zod';

z.config({ jitless: true });

export { z };

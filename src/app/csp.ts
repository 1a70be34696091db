// Runs first in both pages: the built pages carry a Content-Security-Policy without
// 'unsafe-eval' (vite.config.ts), so zod must never probe `new Function`. model/zod.ts
// tells it so before any schema exists; importing it here too makes it the first thing
// either page does, even before a module that parses nothing.

import '../model/zod.ts';

// Runs first in both pages: the built pages carry a Content-Security-Policy without
// 'unsafe-eval' (vite.config.ts). zod would otherwise probe `new Function("")` on its first
// parse to decide whether to compile its checks, and the browser would report that probe as
// a policy violation; told to stay "jitless" it never tries.

import { z } from 'zod';

z.config({ jitless: true });

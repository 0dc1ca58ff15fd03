import { z } from 'zod';

// Zod compiles fast validators with `new Function` unless told not to. The renderer runs under a CSP
// without 'unsafe-eval', where that attempt is refused and reported as a violation. Must run before any
// schema is built (jit is decided per schema at construction), hence imported first by main.tsx.
z.config({ jitless: true });

/**
 * zod compiles fast parsers with `new Function` unless told not to. The renderer's CSP has no
 * 'unsafe-eval', so even zod's probe would be reported as a violation: switch the compiler off.
 * Imported first by main.tsx, because object schemas decide at construction time.
 */
import { z } from 'zod';

z.config({ jitless: true });

// npm start's entry: Node's module compile cache first, then the service (main.ts). With the cache,
// a start reuses the type-stripped and compiled code of every module unchanged since the one
// before (keyed by each file's content and Node's version), which took about 0.4 s of each
// restart (ADR 0020). The cache is in the system's temporary folder unless NODE_COMPILE_CACHE
// names another; NODE_DISABLE_COMPILE_CACHE=1 turns it off. A start without it works the same.
import { enableCompileCache, flushCompileCache } from 'node:module';

enableCompileCache();
await import('./main.ts');
// Serving: written now, not only at exit, so a process stopped by a signal leaves it for the next start.
flushCompileCache();

// Entry of a PDF worker thread. A worker does not inherit the TypeScript loader of the thread that
// started it, so it registers tsx itself (as bin/sasaeai.mjs does) before loading worker.ts.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');

#!/usr/bin/env node
// Entry point of the `sasaeai` command. The server is TypeScript run through tsx (Node 20 has no
// type stripping), so there is no separate build step for it.
import { register } from 'tsx/esm/api';

register();
const { run } = await import(new URL('../server/cli.ts', import.meta.url).href);
const code = await run(process.argv.slice(2));
process.exit(code);

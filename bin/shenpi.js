#!/usr/bin/env node
// The `shenpi` command. Shenpi is written in TypeScript and runs through tsx's loader, so there is no
// build step between `npm ci` and a working command.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../server/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));

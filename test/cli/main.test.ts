import { describe, expect, it } from 'vitest';
import { main } from '../../server/cli/main.js';
import { collectingIo } from '../../server/cli/io.js';

describe('shenpi command line', () => {
  it('refuses an unknown command with exit code 2 and names it', async () => {
    const io = collectingIo();
    const code = await main(['frobnicate'], io);
    expect(code).toBe(2);
    expect(io.stderr.join('\n')).toContain("unknown command 'frobnicate'");
  });

  it('prints usage and exits 2 when no command is given', async () => {
    const io = collectingIo();
    expect(await main([], io)).toBe(2);
    expect(io.stdout[0]).toMatch(/^Usage: shenpi <command>/);
  });
});

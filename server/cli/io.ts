/** Where a CLI command writes; tests pass a collecting implementation. */
export interface CliIo {
  out(line: string): void;
  err(line: string): void;
  /** Reads a file as bytes (so encodings can be honoured by the caller). */
  readFile(path: string): Promise<Buffer>;
}

import { readFile } from 'node:fs/promises';

/** The real process's stdout, stderr and file system. */
export const processIo: CliIo = {
  out: (line) => process.stdout.write(line + '\n'),
  err: (line) => process.stderr.write(line + '\n'),
  readFile: (path) => readFile(path),
};

/** An in-memory CliIo for tests: collects lines. */
export function collectingIo(): CliIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return {
    stdout,
    stderr,
    out: (line) => stdout.push(line),
    err: (line) => stderr.push(line),
    readFile: (path) => readFile(path),
  };
}

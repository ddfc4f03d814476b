/**
 * Reading a multipart body into memory, within the limits the multipart plugin enforces (file size, number
 * of files and fields). A body that breaks off or is garbled is the client's fault: 400, never a 500.
 */
import type { FastifyRequest } from 'fastify';
import { ApiError } from './errors.js';
import { inputRefused, textProblem } from './input-limits.js';

/** Refuses a field name, file name or text value that no store keeps faithfully (NUL, lone surrogate). */
function checkText(path: string, text: string): void {
  const problem = textProblem(text);
  if (problem) throw inputRefused({ path, ...problem });
}

/** One uploaded file. */
export interface UploadedFile {
  /** The form field it came in. */
  field: string;
  filename: string;
  /** The content type the client declared. */
  mimetype: string;
  bytes: Buffer;
}

/**
 * The files and text fields of a multipart request. File names keep their folder (`ITEM-02/rules/fees.yaml`),
 * as a browser sends them for a chosen folder; callers decide what a name may be.
 */
export async function readMultipart(request: FastifyRequest): Promise<{ files: UploadedFile[]; fields: Record<string, string> }> {
  const files: UploadedFile[] = [];
  const fields: Record<string, string> = {};
  try {
    for await (const part of request.parts({ preservePath: true })) {
      checkText(`/body/${part.fieldname}`, part.fieldname);
      if (part.type === 'file') checkText(`/body/${part.fieldname}/filename`, part.filename);
      else checkText(`/body/${part.fieldname}`, String(part.value));
      if (part.type === 'file') files.push({ field: part.fieldname, filename: part.filename, mimetype: part.mimetype, bytes: await part.toBuffer() });
      else fields[part.fieldname] = String(part.value);
    }
  } catch (error) {
    const status = (error as { statusCode?: unknown }).statusCode;
    if (typeof status === 'number' && status >= 400 && status < 500) throw error;
    throw new ApiError('BAD_REQUEST', `Expected a well-formed multipart/form-data body, but reading it failed: ${(error as Error).message}`);
  }
  return { files, fields };
}

/** True when the request's body is multipart/form-data. */
export function isMultipart(request: FastifyRequest): boolean {
  return (request.headers['content-type'] ?? '').toLowerCase().startsWith('multipart/form-data');
}

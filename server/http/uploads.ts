/**
 * Checking an uploaded material before it is stored: not empty, of an accepted type as its bytes show (a
 * PDF, a PNG, a JPEG or an OFD e-document), and not declared as something else. The size limit is the
 * multipart plugin's (413 while reading). Nothing is written for a refused file.
 */
import { sniffContentType } from '../cases/file-storage.js';
import { ApiError } from './errors.js';
import type { UploadedFile } from './multipart.js';

/** The content types a material may have. */
export const ACCEPTED_UPLOAD_TYPES = ['application/pdf', 'image/png', 'image/jpeg', 'application/ofd'] as const;

/** Declared types that say nothing about the content. */
const UNSPECIFIC = new Set(['', 'application/octet-stream', 'binary/octet-stream']);

/** The file as the case service takes it; throws 400 for an empty file, 415 for a refused type. */
export function acceptUpload(file: UploadedFile): { name: string; contentType: string; bytes: Uint8Array } {
  const name = (file.filename || file.field).slice(0, 200);
  if (file.bytes.length === 0) throw new ApiError('BAD_REQUEST', `Expected the content of '${name}', but the file is empty`);
  const declared = file.mimetype.split(';')[0]!.trim().toLowerCase();
  // The bytes decide: a declared type is never trusted on its own.
  const sniffed = sniffContentType(file.bytes);
  if (!(ACCEPTED_UPLOAD_TYPES as readonly string[]).includes(sniffed) || (!UNSPECIFIC.has(declared) && declared !== sniffed)) {
    throw new ApiError('UPLOAD_TYPE_REFUSED', `Expected '${name}' to be one of ${ACCEPTED_UPLOAD_TYPES.join(', ')}, but it ${UNSPECIFIC.has(declared) ? 'is not' : `is declared '${declared}' and its content is ${sniffed === declared ? 'not one' : `'${sniffed}'`}`}`, {
      accepted: [...ACCEPTED_UPLOAD_TYPES],
    });
  }
  return { name, contentType: sniffed, bytes: file.bytes };
}

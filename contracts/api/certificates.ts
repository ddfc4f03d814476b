/**
 * E-certificates and the departments' e-seal keys: the keys' filter, a department and a certificate number
 * in the path, a certificate presented for verification (电子证照核验), and the answers: the published keys
 * and the verification.
 */
import { Type, type Static } from '@sinclair/typebox';
import { SEAL_ALGORITHMS } from '../vocabulary/seal-algorithms.js';
import { StringEnum } from './enum.js';
import { Instant } from './time.js';

const Department = Type.String({ minLength: 1, maxLength: 256 });

/** The published keys' filter: one department's. */
export const CertificateKeysQuerySchema = Type.Object({ department: Type.Optional(Department) }, { additionalProperties: false });
export type CertificateKeysQuery = Static<typeof CertificateKeysQuerySchema>;

/** `:department`: a department by its name. */
export const DepartmentParamsSchema = Type.Object({ department: Department });
export type DepartmentParams = Static<typeof DepartmentParamsSchema>;

/** `:number`: a certificate number. */
export const CertificateNumberParamsSchema = Type.Object({ number: Type.String({ minLength: 1, maxLength: 128 }) });
export type CertificateNumberParams = Static<typeof CertificateNumberParamsSchema>;

/** A certificate as its holder presents it, with the issuing department's seal. */
export const PresentedCertificateSchema = Type.Object({
  number: Type.String({ minLength: 1, maxLength: 128 }),
  name: Type.String({ maxLength: 256 }),
  holder: Type.String({ maxLength: 256 }),
  issuer: Type.String({ maxLength: 256 }),
  issuedAt: Type.String({ maxLength: 64 }),
  validFrom: Type.String({ maxLength: 10 }),
  validUntil: Type.Optional(Type.String({ maxLength: 10 })),
  seal: Type.Object({
    kind: Type.String({ maxLength: 32 }),
    algorithm: Type.Optional(StringEnum(SEAL_ALGORITHMS)),
    signer: Type.Optional(Type.String({ maxLength: 256 })),
    keyId: Type.Optional(Type.String({ maxLength: 32 })),
    signature: Type.Optional(Type.String({ maxLength: 512 })),
    signedAt: Type.Optional(Type.String({ maxLength: 64 })),
    holder: Type.Optional(Type.String({ maxLength: 256 })),
  }, { additionalProperties: false }),
}, { additionalProperties: false });
export type PresentedCertificate = Static<typeof PresentedCertificateSchema>;

/** A department's published e-seal public key (`GET /api/certificates/keys`, `GET /api/departments/:department/public-key`). */
export const SealKeySchema = Type.Object({
  keyId: Type.String(),
  department: Type.String(),
  algorithm: StringEnum(SEAL_ALGORITHMS),
  publicKey: Type.String({ description: 'SPKI PEM' }),
  createdAt: Instant(),
}, { additionalProperties: false });
export type SealKeyView = Static<typeof SealKeySchema>;

/** The certificate a verification is about: as Shenpi holds it, or as it was presented (its fields unchecked), with its seal. */
export const VerifiedCertificateSchema = Type.Object({
  number: Type.String(),
  name: Type.String(),
  holder: Type.String(),
  issuer: Type.String(),
  issuedAt: Type.String(),
  validFrom: Type.String(),
  validUntil: Type.Optional(Type.String()),
  seal: Type.Object({
    kind: Type.Optional(Type.String()),
    algorithm: Type.Optional(Type.String()),
    signer: Type.Optional(Type.String()),
    keyId: Type.Optional(Type.String()),
    signature: Type.Optional(Type.String()),
    signedAt: Type.Optional(Type.String()),
    holder: Type.Optional(Type.String()),
  }, { additionalProperties: false }),
}, { additionalProperties: false });
export type VerifiedCertificate = Static<typeof VerifiedCertificateSchema>;

/** Whether a certificate is authentic (电子证照核验): `GET /api/certificates/:number/verify`, `POST /api/certificates/verify`. */
export const CertificateVerificationSchema = Type.Object({
  number: Type.String(),
  authentic: Type.Boolean(),
  reason: Type.Unsafe<'valid' | 'unsealed' | 'unknown-key' | 'signer-mismatch' | 'signature-mismatch'>({ enum: ['valid', 'unsealed', 'unknown-key', 'signer-mismatch', 'signature-mismatch'] }),
  /** `valid`, `expired` (past its validity) or `revoked` (撤销); only an authentic certificate is in force. */
  status: Type.Unsafe<'valid' | 'expired' | 'revoked'>({ enum: ['valid', 'expired', 'revoked'] }),
  itemCode: Type.Optional(Type.String()),
  certificate: Type.Optional(VerifiedCertificateSchema),
  key: Type.Optional(SealKeySchema),
}, { additionalProperties: false });
export type CertificateVerification = Static<typeof CertificateVerificationSchema>;

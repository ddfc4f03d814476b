/**
 * E-certificates and the departments' e-seal keys: the keys' filter, a department and a certificate number
 * in the path, and a certificate presented for verification (电子证照核验).
 */
import { Type, type Static } from '@sinclair/typebox';

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
    algorithm: Type.Optional(Type.Unsafe<'SM2-SM3' | 'Ed25519'>({ enum: ['SM2-SM3', 'Ed25519'] })),
    signer: Type.Optional(Type.String({ maxLength: 256 })),
    keyId: Type.Optional(Type.String({ maxLength: 32 })),
    signature: Type.Optional(Type.String({ maxLength: 512 })),
    signedAt: Type.Optional(Type.String({ maxLength: 64 })),
    holder: Type.Optional(Type.String({ maxLength: 256 })),
  }, { additionalProperties: false }),
}, { additionalProperties: false });
export type PresentedCertificate = Static<typeof PresentedCertificateSchema>;

/**
 * Whether a certificate is authentic: its seal is the issuing department's signature, by a key Shenpi
 * published, over the certificate's canonical text (`certificateText`). A certificate whose number, holder,
 * dates or issuer changed after sealing fails, and so does a seal by another department's key.
 */
import { certificateText, type CertificateRecord } from '../../engine/approval/index.js';
import { verifyText } from './algorithm.js';
import type { PublishedKey, SealKeyStore } from './key-store.js';

/** Why a certificate is or is not authentic. */
export type VerificationReason = 'valid' | 'unsealed' | 'unknown-key' | 'signer-mismatch' | 'signature-mismatch';

/** The answer of a verification. */
export interface Verification {
  authentic: boolean;
  reason: VerificationReason;
  /** The key that signed, when Shenpi published it. */
  key?: PublishedKey;
}

/** Checks the seal of `certificate`, issued in case `caseNo` of item `itemCode`. */
export async function verifyCertificate(keys: Pick<SealKeyStore, 'publicKey'>, certificate: CertificateRecord, at: { caseNo: string; itemCode: string }): Promise<Verification> {
  const seal = certificate.seal;
  if (!seal || seal.kind !== 'e-seal') return { authentic: false, reason: 'unsealed' };
  const key = await keys.publicKey(seal.keyId);
  if (!key) return { authentic: false, reason: 'unknown-key' };
  if (key.department !== certificate.issuer || seal.signer !== certificate.issuer || key.algorithm !== seal.algorithm) {
    return { authentic: false, reason: 'signer-mismatch', key };
  }
  const { seal: _seal, ...content } = certificate;
  const ok = verifyText(key.algorithm, key.publicKey, certificateText(content, at), seal.signature);
  return ok ? { authentic: true, reason: 'valid', key } : { authentic: false, reason: 'signature-mismatch', key };
}

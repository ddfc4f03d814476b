/**
 * Which signature the e-seal uses on this Node: SM2 with SM3 (GB/T 32918.2, GB/T 32905) where the OpenSSL
 * Node links provides the SM2 curve, else Ed25519 (RFC 8032).
 *
 * A detail of OpenSSL 3 decides how: a key generated as `ec` on curve `SM2` signs with ECDSA over the SM2 curve,
 * not with the SM2 algorithm. Read back from its PEM, OpenSSL gives it the SM2 key type, and `sign('sm3', …)`
 * then makes a real SM2 signature (with the default user id 1234567812345678, which `openssl dgst -sm3
 * -verify` accepts). So every key is used only as read from its PEM, and the probe below checks that.
 */
import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import type { Seal } from '../../engine/core/types.js';

export type SealAlgorithm = Seal['algorithm'];

/** A key pair as PEM text: SPKI public, PKCS#8 private (encrypted when a passphrase is given). */
export interface PemPair {
  publicKey: string;
  privateKey: string;
}

/** Generates a key pair of `algorithm`, the private key encrypted under `passphrase`. */
export function generatePair(algorithm: SealAlgorithm, passphrase: string): PemPair {
  const pair = algorithm === 'SM2-SM3'
    ? generateKeyPairSync('ec', { namedCurve: 'SM2' })
    : generateKeyPairSync('ed25519');
  return {
    publicKey: pair.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    privateKey: pair.privateKey.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase }).toString(),
  };
}

/** Signs `text` (UTF-8) with a private key read from its PEM; base64. */
export function signText(algorithm: SealAlgorithm, key: KeyObject, text: string): string {
  return sign(algorithm === 'SM2-SM3' ? 'sm3' : null, Buffer.from(text, 'utf8'), key).toString('base64');
}

/** Whether `signature` (base64) is `text`'s signature under the public key `publicPem`. */
export function verifyText(algorithm: SealAlgorithm, publicPem: string, text: string, signature: string): boolean {
  try {
    return verify(algorithm === 'SM2-SM3' ? 'sm3' : null, Buffer.from(text, 'utf8'), createPublicKey(publicPem), Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}

let detected: SealAlgorithm | undefined;

/**
 * SM2-SM3 when an SM2 key read back from PEM makes signatures that verify, while the ECDSA signature of the
 * same key as generated does not (so the PEM key really runs the SM2 algorithm); else Ed25519. Probed once.
 */
export function sealAlgorithm(): SealAlgorithm {
  if (detected) return detected;
  try {
    const generated = generateKeyPairSync('ec', { namedCurve: 'SM2' });
    const publicPem = generated.publicKey.export({ type: 'spki', format: 'pem' }).toString();
    const privatePem = generated.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const sm2 = signText('SM2-SM3', createPrivateKey(privatePem), 'probe');
    const ecdsa = sign('sm3', Buffer.from('probe'), generated.privateKey).toString('base64');
    detected = verifyText('SM2-SM3', publicPem, 'probe', sm2) && !verifyText('SM2-SM3', publicPem, 'probe', ecdsa) ? 'SM2-SM3' : 'Ed25519';
  } catch {
    detected = 'Ed25519';
  }
  return detected;
}

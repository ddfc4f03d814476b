/**
 * The signature algorithms of an e-seal (电子印章): SM2 with SM3 (GB/T 38540, the national standard), and
 * Ed25519 where the runtime has no SM2.
 */
export const SEAL_ALGORITHMS = ['SM2-SM3', 'Ed25519'] as const;

/** One of `SEAL_ALGORITHMS`. */
export type SealAlgorithm = (typeof SEAL_ALGORITHMS)[number];

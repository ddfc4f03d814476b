/**
 * The departments' e-seal keys (电子印章): one key pair per department, made on first need, kept in
 * `signing_keys` with the private key encrypted under the installation's seal passphrase. It is the runtime's
 * `Sealer`: signing is synchronous, so a certificate is sealed in the step that issues it. A department's first
 * key is written to the database as soon as it is made (`flush` waits for it); `ensure` makes them ahead.
 */
import { createHash, createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import type { Knex } from 'knex';
import { requiredInstant } from '../store/rows.js';
import type { Seal, Sealer } from '../../engine/core/types.js';
import { generatePair, sealAlgorithm, signText, type SealAlgorithm } from './algorithm.js';

/** A published public key. */
export interface PublishedKey {
  keyId: string;
  department: string;
  algorithm: SealAlgorithm;
  /** SPKI, PEM. */
  publicKey: string;
  createdAt: string;
}

interface Held extends PublishedKey {
  privatePem: string;
  privateKey?: KeyObject;
}

/** The key id: the first 16 hex digits of the SHA-256 of the public key's SPKI DER. */
export function keyIdOf(publicPem: string): string {
  const der = createPublicKey(publicPem).export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(der).digest('hex').slice(0, 16);
}

function toHeld(row: Record<string, unknown>): Held {
  const at = requiredInstant(row.created_at);
  return {
    keyId: String(row.key_id), department: String(row.department), algorithm: String(row.algorithm) as SealAlgorithm,
    publicKey: String(row.public_key), privatePem: String(row.private_key), createdAt: at,
  };
}

/** The e-seal keys of every department. */
export class SealKeyStore implements Sealer {
  private readonly byDepartment = new Map<string, Held>();
  private readonly byId = new Map<string, Held>();
  private pending: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly knex: Knex,
    private readonly passphrase: string,
    private readonly now: () => Date,
    /** The algorithm of new keys. */
    readonly algorithm: SealAlgorithm,
  ) {}

  /** Opens the store, loading every key. */
  static async open(args: { knex: Knex; passphrase: string; now?: () => Date; algorithm?: SealAlgorithm }): Promise<SealKeyStore> {
    const store = new SealKeyStore(args.knex, args.passphrase, args.now ?? (() => new Date()), args.algorithm ?? sealAlgorithm());
    await store.reload();
    return store;
  }

  /** Reads the keys other nodes made. The newest key of a department signs. */
  async reload(): Promise<void> {
    const rows = (await this.knex('signing_keys').select('*').orderBy('created_at', 'asc')) as Record<string, unknown>[];
    for (const row of rows) this.hold(toHeld(row));
  }

  seal(signer: string, text: string): Seal {
    const key = this.byDepartment.get(signer) ?? this.make(signer);
    key.privateKey ??= createPrivateKey({ key: key.privatePem, passphrase: this.passphrase });
    return { algorithm: key.algorithm, signer, keyId: key.keyId, signature: signText(key.algorithm, key.privateKey, text) };
  }

  /** Makes (and stores) a key for each department that has none. */
  async ensure(departments: Iterable<string>): Promise<void> {
    for (const d of new Set(departments)) if (!this.byDepartment.has(d)) this.make(d);
    await this.flush();
  }

  /** Waits until every key made so far is stored. */
  async flush(): Promise<void> {
    await this.pending;
  }

  /** The public keys, of one department or all, oldest first. */
  async publicKeys(department?: string): Promise<PublishedKey[]> {
    await this.flush();
    await this.reload();
    return [...this.byId.values()].filter((k) => department === undefined || k.department === department).map(publish);
  }

  /** One public key by id, read from the database when another node made it. */
  async publicKey(keyId: string): Promise<PublishedKey | undefined> {
    if (!this.byId.has(keyId)) await this.reload();
    const key = this.byId.get(keyId);
    return key ? publish(key) : undefined;
  }

  private hold(key: Held): void {
    this.byId.set(key.keyId, key);
    const current = this.byDepartment.get(key.department);
    if (!current || current.createdAt <= key.createdAt) this.byDepartment.set(key.department, key);
  }

  private make(department: string): Held {
    const pair = generatePair(this.algorithm, this.passphrase);
    const key: Held = {
      keyId: keyIdOf(pair.publicKey), department, algorithm: this.algorithm, publicKey: pair.publicKey, privatePem: pair.privateKey,
      createdAt: this.now().toISOString(),
    };
    this.hold(key);
    const row = {
      key_id: key.keyId, department, algorithm: key.algorithm, public_key: key.publicKey, private_key: key.privatePem, created_at: key.createdAt,
    };
    this.pending = this.pending.then(() => this.knex('signing_keys').insert(row).onConflict('key_id').ignore());
    return key;
  }
}

function publish(k: Held): PublishedKey {
  return { keyId: k.keyId, department: k.department, algorithm: k.algorithm, publicKey: k.publicKey, createdAt: k.createdAt };
}

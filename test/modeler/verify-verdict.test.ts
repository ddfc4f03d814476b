/**
 * The portal's certificate check tells a person one verdict from the server's answer: only an authentic
 * certificate is valid, expired or revoked (撤销 reaches no page yet, so it is pinned here); a seal that does not
 * match its content or issuer is 篡改; a missing seal or an unpublished key proves nothing.
 */
import { describe, expect, it } from 'vitest';
import { verdictOf } from '../../modeler/src/portal/verify-page.js';
import { createTranslate } from '../../modeler/src/i18n/translate.js';

describe('the certificate verdict', () => {
  it('reads authentic certificates by their status and the others by why they fail', () => {
    expect(verdictOf({ authentic: true, reason: 'valid', status: 'valid' })).toBe('valid');
    expect(verdictOf({ authentic: true, reason: 'valid', status: 'expired' })).toBe('expired');
    expect(verdictOf({ authentic: true, reason: 'valid', status: 'revoked' })).toBe('revoked');
    expect(verdictOf({ authentic: false, reason: 'signature-mismatch', status: 'valid' })).toBe('tampered');
    expect(verdictOf({ authentic: false, reason: 'signer-mismatch', status: 'revoked' })).toBe('tampered');
    expect(verdictOf({ authentic: false, reason: 'unsealed', status: 'valid' })).toBe('unproven');
    expect(verdictOf({ authentic: false, reason: 'unknown-key', status: 'valid' })).toBe('unproven');
  });

  it('says every verdict in Chinese', () => {
    const t = createTranslate('zh-CN');
    expect(t('verdict.revoked')).toBe('证照真实，但已被撤销');
    expect(t('verdict.expired')).toBe('证照真实，但已超过有效期');
    for (const v of ['valid', 'expired', 'revoked', 'tampered', 'unproven']) expect(t(`verdict.${v}.why`)).toMatch(/[\u3400-\u9fff]/);
  });
});

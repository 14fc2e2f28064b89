import { describe, expect, it } from 'vitest';
import { nextNonce } from './security.ts';

describe('CSP nonces from the pool', () => {
  it('are 16 random bytes each, and never repeat, also across refills of the pool', () => {
    const nonces = Array.from({ length: 3000 }, () => nextNonce());
    for (const nonce of nonces) expect(Buffer.from(nonce, 'base64')).toHaveLength(16);
    expect(new Set(nonces).size).toBe(3000);
  });
});

// The return from checkout looks the session up only when its id has the right shape. The demo
// provider's ids come from our random ids (base64url), so '-' must pass: it once made about one
// demo payment in five land on "Unknown checkout".
import { describe, expect, it } from 'vitest';
import { isCheckoutSessionId } from '../../main/http/routes-payments.js';
import { randomIds } from '../../main/core/context.js';

describe('checkout session ids on the return page', () => {
  it('accepts Stripe ids and demo ids with any base64url character', () => {
    expect(isCheckoutSessionId('cs_test_a1B2c3D4e5')).toBe(true);
    expect(isCheckoutSessionId('cs_demo_Ab-9_xZ-')).toBe(true);
    for (let i = 0; i < 200; i++) expect(isCheckoutSessionId(randomIds('cs_demo'))).toBe(true);
  });

  it('refuses anything else', () => {
    for (const bad of ['', 'cs_', 'pi_123', 'cs_<script>', 'cs_a b', `cs_${'x'.repeat(201)}`]) {
      expect(isCheckoutSessionId(bad)).toBe(false);
    }
  });
});

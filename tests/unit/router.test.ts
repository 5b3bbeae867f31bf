import { describe, expect, it } from 'vitest';
import { NotFoundError } from '../../main/core/errors.js';
import {
  createRouter,
  mergeHandlers,
  type HandlerGroup,
  type HandlerMap,
} from '../../main/ipc/router.js';
import { channels, type Channel } from '../../preload/contract/index.js';

/** A full handler map whose every channel fails loudly unless overridden. */
function handlers(overrides: HandlerGroup): HandlerMap {
  const base = Object.fromEntries(
    (Object.keys(channels) as Channel[]).map((c) => [
      c,
      () => {
        throw new Error(`unexpected ${c}`);
      },
    ]),
  ) as HandlerGroup;
  return { ...base, ...overrides } as HandlerMap;
}

describe('router', () => {
  it('validates input once and reports the field at fault', async () => {
    const router = createRouter(handlers({}));
    const result = await router.dispatch('staff.create', { name: '   ' });
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'VALIDATION',
        message: 'name: must not be empty',
        details: { fields: [{ field: 'name', message: 'must not be empty' }] },
      },
    });
  });

  it('answers unknown channels with NOT_FOUND', async () => {
    const result = await createRouter(handlers({})).dispatch('staff.drop', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('passes typed errors through and hides internal ones', async () => {
    const internal: unknown[] = [];
    const router = createRouter(
      handlers({
        'customers.get': ({ id }) => {
          throw new NotFoundError('customer', id);
        },
        'staff.list': () => {
          throw new Error('SQLITE_ERROR: near "selec": syntax error');
        },
      }),
      { onInternalError: (_c, e) => internal.push(e) },
    );
    expect(await router.dispatch('customers.get', { id: 'cus_1' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'No customer with id cus_1' },
    });
    const hidden = await router.dispatch('staff.list', {});
    expect(hidden).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(hidden)).not.toContain('SQLITE');
    expect(internal).toHaveLength(1);
  });

  it('refuses two handler groups claiming one channel, and a channel with no handler', () => {
    const all = handlers({});
    expect(() => mergeHandlers(all, { 'staff.list': () => [] })).toThrow(
      /claim channel staff.list/,
    );
    expect(() => mergeHandlers({ 'staff.list': () => [] })).toThrow(/No handler for channel/);
  });
});

// A site that presets the service shows its slots first. The widget asks for those slots and for
// the services list at once, before it draws anything, and uses both answers instead of asking
// again: against the real public listener, counting what reaches the network.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createApi } from '../../renderer/widget/api.js';
import { startPublicHost, type PublicHost } from '../support/public-host.js';

let server: PublicHost;
let asked: string[];
const realFetch = globalThis.fetch;

beforeEach(async () => {
  server = await startPublicHost();
  asked = [];
  globalThis.fetch = (input, init) => {
    asked.push(new URL(input instanceof Request ? input.url : String(input)).pathname);
    return realFetch(input, init);
  };
});
afterEach(async () => {
  globalThis.fetch = realFetch;
  await server.close();
});

describe('the widget with a preset service', () => {
  it('asks for its slots and the services at once, then uses both answers', async () => {
    const api = createApi(server.url, 'en-GB');
    const question = { service: server.trim, days: 14 };
    api.prefetch(question);
    expect(asked).toEqual(['/api/availability', '/api/services']);

    const services = await api.services();
    expect(services.ok && services.value.services.map((s) => s.id)).toContain(server.trim);
    const slots = await vi.waitFor(() => {
      const settled = api.settledAvailability(question);
      expect(settled).not.toBeNull();
      return settled;
    });
    expect(slots?.days.some((d) => d.slots.length > 0)).toBe(true);
    expect(asked).toHaveLength(2);

    // Used once: the next look at the slots (a focus, a pick) asks the server again.
    await api.availability(question);
    await api.services();
    expect(asked).toEqual([
      '/api/availability',
      '/api/services',
      '/api/availability',
      '/api/services',
    ]);
  });

  it('does not show a prefetched answer for another question', async () => {
    const api = createApi(server.url, 'en-GB');
    api.prefetch({ service: server.trim, days: 14 });
    await api.services();
    const other = { service: server.trim, staff: server.alice, days: 14 };
    expect(api.settledAvailability(other)).toBeNull();
    await api.availability(other);
    expect(asked.filter((p) => p === '/api/availability')).toHaveLength(2);
  });
});

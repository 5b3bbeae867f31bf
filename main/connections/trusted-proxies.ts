// Which proxies' X-Forwarded-For the public listener believes: a desk install reached through a
// tunnel or a reverse proxy sees every customer arrive from the proxy's address, and would count
// them all as one client against the booking-write limit. Only exact addresses and CIDR ranges:
// a keyword such as "loopback" or "true" would be easy to set wider than meant, and trusting every
// hop lets any customer pick the address they are counted under.
import { isIP } from 'node:net';
import proxyAddr from '@fastify/proxy-addr';

export type TrustedProxies = { ok: true; entries: string[] } | { ok: false; problem: string };

/** "10.0.0.1, 192.168.0.0/16, ::1" → its entries, or what is wrong with it. */
export function readTrustedProxies(raw: string): TrustedProxies {
  const entries = raw
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  if (entries.length === 0) return { ok: false, problem: 'needs at least one address or range' };
  for (const entry of entries) {
    const [address = '', prefix, ...rest] = entry.split('/');
    const family = isIP(address);
    const bits = family === 4 ? 32 : 128;
    const prefixOk = prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= bits);
    if (family === 0 || !prefixOk || rest.length > 0) {
      return {
        ok: false,
        problem: `"${entry}" is not an IP address or CIDR range (e.g. 10.0.0.1, 10.0.0.0/8, ::1)`,
      };
    }
    // The listener's own compiler has the last word: a list it refuses (a /0 range, which would
    // trust every address) must never be saved, or the listener could not be built from it.
    try {
      proxyAddr.compile([entry]);
    } catch {
      return {
        ok: false,
        problem:
          prefix !== undefined && Number(prefix) === 0
            ? `"${entry}" is every address, so any customer could pick the address they are counted under; name your proxy's address or range`
            : `"${entry}" is not a range the listener can apply; name your proxy's address or range`,
      };
    }
  }
  return { ok: true, entries };
}

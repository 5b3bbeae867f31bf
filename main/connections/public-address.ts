// Where the public listener (widget.js, the booking pages) is: the embed snippet needs the
// address customers reach (the configured public base URL, else the address it listens on), and
// the desk's live preview needs one this machine reaches. The host that starts the listener
// records its address here once it listens.
import { eq } from 'drizzle-orm';
import { connectionSettings } from '../../db/schema.js';
import type { WidgetEmbedInfo } from '../../preload/contract/index.js';
import type { Core } from '../core/context.js';

/** A listener on every interface (0.0.0.0, ::) is reached from this machine on loopback. */
function reachableLocally(url: string): string {
  const parsed = new URL(url);
  if (parsed.hostname === '0.0.0.0') parsed.hostname = '127.0.0.1';
  if (parsed.hostname === '[::]') parsed.hostname = '[::1]';
  return parsed.origin;
}

export function createPublicAddress(core: Core) {
  let listening: string | null = null;
  return {
    /** Called by the host once the public listener is up. */
    setListening(url: string): void {
      listening = reachableLocally(url);
    },
    /** The preview's origin, for the desk page's CSP; null until the listener is up. */
    previewOrigin(): string | null {
      return listening;
    },
    /** Where customers reach us: the configured public base URL, else the listener's address. */
    baseUrl(): string | null {
      const configured = core.db
        .select({ url: connectionSettings.publicBaseUrl })
        .from(connectionSettings)
        .where(eq(connectionSettings.id, 1))
        .get()?.url;
      return configured ? configured.replace(/\/+$/, '') : listening;
    },
    embedInfo(): WidgetEmbedInfo {
      return { publicUrl: this.baseUrl(), previewUrl: listening };
    },
  };
}

export type PublicAddress = ReturnType<typeof createPublicAddress>;

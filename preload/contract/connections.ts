// Connections' part of the contract: the public address, Twilio and SMTP accounts, trusted
// proxies, admin API keys and where the widget is served.
import { z } from 'zod';
import { id, epochMs, name, empty, byId } from './shared.js';

/** A key for the customer API on the public listener; the secret itself is never part of it. */
export const apiKey = z.object({
  id,
  name: z.string(),
  /** The key's first characters, to tell keys apart. */
  prefix: z.string(),
  createdAt: epochMs,
  revokedAt: epochMs.nullable(),
});

export type ApiKey = z.infer<typeof apiKey>;

/** A secret as the desk may see it: whether it is set and its last four characters. */
const secretState = z.object({ set: z.boolean(), last4: z.string().nullable() });

export const connectionSettingsView = z.object({
  /** Where customers reach the public listener; links in messages start with it. */
  publicBaseUrl: z.string().nullable(),
  /**
   * Proxies (a tunnel, a reverse proxy) in front of the public listener whose X-Forwarded-For is
   * believed, as "10.0.0.1, 192.168.0.0/16"; null: none.
   */
  trustedProxies: z.string().nullable(),
  twilio: z.object({
    accountSid: z.string().nullable(),
    authToken: secretState,
    fromNumber: z.string().nullable(),
    /** All three set: SMS goes out through Twilio; otherwise demo mode. */
    configured: z.boolean(),
  }),
  smtp: z.object({
    host: z.string().nullable(),
    port: z.int().nullable(),
    secure: z.boolean(),
    user: z.string().nullable(),
    password: secretState,
    from: z.string().nullable(),
    /** Host, port and from set: email goes out through this server; otherwise demo mode. */
    configured: z.boolean(),
  }),
  /**
   * Saved values that cannot be applied (kept by an older version, or edited outside the app):
   * they are ignored until corrected, and the desk shows why, by field.
   */
  warnings: z.array(z.object({ field: z.string(), message: z.string() })),
});

export type ConnectionSettingsView = z.infer<typeof connectionSettingsView>;

/** null clears a field; an absent one is left as it is (so secrets need not be typed again). */
const settable = (schema: z.ZodString) => schema.nullable().optional();

export const connectionSettingsPatch = z.object({
  publicBaseUrl: settable(z.string().max(500)),
  trustedProxies: settable(z.string().max(2000)),
  twilio: z
    .object({
      accountSid: settable(z.string().max(64)),
      authToken: settable(z.string().max(256)),
      fromNumber: settable(z.string().max(64)),
    })
    .optional(),
  smtp: z
    .object({
      host: settable(z.string().max(253)),
      port: z.int().min(1).max(65535).nullable().optional(),
      secure: z.boolean().optional(),
      user: settable(z.string().max(256)),
      password: settable(z.string().max(256)),
      from: settable(z.string().max(320)),
    })
    .optional(),
});

/** Where the widget is served: for the embed snippet (the public address) and the preview. */
export const widgetEmbedInfo = z.object({
  /** The address customers reach: the configured public base URL, else the listener's. */
  publicUrl: z.string().nullable(),
  /** An address this machine reaches the public listener on, for the desk's live preview. */
  previewUrl: z.string().nullable(),
});

export type WidgetEmbedInfo = z.infer<typeof widgetEmbedInfo>;

export const connectionsChannels = {
  'apiKeys.list': { input: empty, output: z.array(apiKey) },
  /** The answer carries the key in full, once; only its hash is stored. */
  'apiKeys.create': {
    input: z.object({ name }),
    output: apiKey.extend({ key: z.string() }),
  },
  'apiKeys.revoke': { input: byId, output: apiKey },
  'connections.get': { input: empty, output: connectionSettingsView },
  /** Bad input names its field (publicBaseUrl, twilio.accountSid, smtp.port, …); nothing is saved. */
  'connections.update': { input: connectionSettingsPatch, output: connectionSettingsView },
  'widget.embedInfo': { input: empty, output: widgetEmbedInfo },
} as const;

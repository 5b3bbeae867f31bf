// How the app reaches the outside world: the public base URL customers' links start with, the
// Twilio account that sends and receives SMS, the SMTP server that sends email. One row
// (connection_settings, id = 1); empty fields mean demo mode for that provider.
//
// Secrets (the Twilio auth token, the SMTP password) go in and never come back out in full: the
// desk sees whether each is set and its last four characters, enough to tell two apart. The
// Stripe columns of the same row belong to payments and are never written here.
import { eq } from 'drizzle-orm';
import { connectionSettings } from '../../db/schema.js';
import { readTrustedProxies } from './trusted-proxies.js';
import type { ChannelInput, ConnectionSettingsView } from '../../preload/contract/index.js';
import { ValidationError, type FieldIssue } from '../core/errors.js';
import type { Core } from '../core/context.js';

export type ConnectionRow = typeof connectionSettings.$inferSelect;
export type ConnectionPatch = ChannelInput<'connections.update'>;

export interface TwilioCredentials {
  accountSid: string;
  authToken: string;
  from: string;
}

export interface SmtpCredentials {
  host: string;
  port: number;
  secure: boolean;
  user: string | null;
  password: string | null;
  from: string;
}

const ACCOUNT_SID = /^AC[0-9a-fA-F]{32}$/;
const MESSAGING_SERVICE_SID = /^MG[0-9a-fA-F]{32}$/;
const E164 = /^\+[1-9]\d{6,14}$/;
const HOSTNAME = /^[A-Za-z0-9]([A-Za-z0-9.-]{0,251}[A-Za-z0-9])?$|^\[[0-9a-fA-F:.]+\]$/;
const ADDRESS = /^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+$/;
const NAMED_ADDRESS = /^(?:"[^"\r\n]*"|[^<>"\r\n]*)\s*<([^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+)>$/;

function secretState(value: string | null) {
  return value ? { set: true, last4: value.slice(-4) } : { set: false, last4: null };
}

/** Blank text is "not set": a cleared input field must not leave an empty string behind. */
function blankToNull(value: string | null | undefined): string | null | undefined {
  if (value === undefined || value === null) return value;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

/** "https://book.example.com/" → "https://book.example.com"; null when it is not a usable base. */
export function normalisePublicBaseUrl(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  if (url.search || url.hash || url.username || url.password) return null;
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

export function twilioCredentialsOf(row: ConnectionRow | undefined): TwilioCredentials | null {
  if (!row?.twilioAccountSid || !row.twilioAuthToken || !row.twilioFromNumber) return null;
  return {
    accountSid: row.twilioAccountSid,
    authToken: row.twilioAuthToken,
    from: row.twilioFromNumber,
  };
}

export function smtpCredentialsOf(row: ConnectionRow | undefined): SmtpCredentials | null {
  if (!row?.smtpHost || !row.smtpPort || !row.emailFrom) return null;
  return {
    host: row.smtpHost,
    port: row.smtpPort,
    secure: row.smtpSecure,
    user: row.smtpUser,
    password: row.smtpPassword,
    from: row.emailFrom,
  };
}

/** What is wrong with the saved trusted proxies, or null when they apply (or none are saved). */
function trustedProxiesProblem(row: ConnectionRow | undefined): string | null {
  const read = row?.trustedProxies ? readTrustedProxies(row.trustedProxies) : null;
  return read && !read.ok ? read.problem : null;
}

function view(row: ConnectionRow | undefined): ConnectionSettingsView {
  const proxiesProblem = trustedProxiesProblem(row);
  return {
    publicBaseUrl: row?.publicBaseUrl ?? null,
    trustedProxies: row?.trustedProxies ?? null,
    twilio: {
      accountSid: row?.twilioAccountSid ?? null,
      authToken: secretState(row?.twilioAuthToken ?? null),
      fromNumber: row?.twilioFromNumber ?? null,
      configured: twilioCredentialsOf(row) !== null,
    },
    smtp: {
      host: row?.smtpHost ?? null,
      port: row?.smtpPort ?? null,
      secure: row?.smtpSecure ?? false,
      user: row?.smtpUser ?? null,
      password: secretState(row?.smtpPassword ?? null),
      from: row?.emailFrom ?? null,
      configured: smtpCredentialsOf(row) !== null,
    },
    warnings: proxiesProblem
      ? [
          {
            field: 'trustedProxies',
            message: `The saved trusted proxies are ignored, so X-Forwarded-For is not believed: ${proxiesProblem}`,
          },
        ]
      : [],
  };
}

type Changes = Partial<Omit<ConnectionRow, 'id' | 'updatedAt'>>;

/** The patch as column values, every problem named by its field; nothing is written on error. */
function changesOf(patch: ConnectionPatch): Changes {
  const issues: FieldIssue[] = [];
  const changes: Changes = {};
  const check = (field: string, ok: boolean, message: string) => {
    if (!ok) issues.push({ field, message });
  };

  const base = blankToNull(patch.publicBaseUrl);
  if (base !== undefined) {
    const normalised = base === null ? null : normalisePublicBaseUrl(base);
    check(
      'publicBaseUrl',
      base === null || normalised !== null,
      'must be a web address such as https://book.example.com (no query or #fragment)',
    );
    changes.publicBaseUrl = normalised;
  }

  const proxies = blankToNull(patch.trustedProxies);
  if (proxies !== undefined) {
    const read = proxies === null ? null : readTrustedProxies(proxies);
    if (read && !read.ok) issues.push({ field: 'trustedProxies', message: read.problem });
    changes.trustedProxies = read?.ok ? read.entries.join(', ') : null;
  }

  const t = patch.twilio;
  if (t) {
    const sid = blankToNull(t.accountSid);
    if (sid !== undefined) {
      check(
        'twilio.accountSid',
        sid === null || ACCOUNT_SID.test(sid),
        'must be the Account SID from the Twilio console: AC followed by 32 hex digits',
      );
      changes.twilioAccountSid = sid;
    }
    const token = blankToNull(t.authToken);
    if (token !== undefined) {
      check(
        'twilio.authToken',
        token === null || (token.length >= 8 && !/\s/.test(token)),
        'must be the Auth Token from the Twilio console (no spaces)',
      );
      changes.twilioAuthToken = token;
    }
    const from = blankToNull(t.fromNumber);
    if (from !== undefined) {
      check(
        'twilio.fromNumber',
        from === null || E164.test(from) || MESSAGING_SERVICE_SID.test(from),
        'must be your Twilio number in international form (+447700900123) or a Messaging Service SID (MG…)',
      );
      changes.twilioFromNumber = from;
    }
  }

  const s = patch.smtp;
  if (s) {
    const host = blankToNull(s.host);
    if (host !== undefined) {
      check(
        'smtp.host',
        host === null || HOSTNAME.test(host),
        'must be a host name such as smtp.example.com',
      );
      changes.smtpHost = host;
    }
    if (s.port !== undefined) changes.smtpPort = s.port;
    if (s.secure !== undefined) changes.smtpSecure = s.secure;
    const user = blankToNull(s.user);
    if (user !== undefined) changes.smtpUser = user;
    // A password may legitimately have spaces at its ends: only an empty one means "clear".
    if (s.password !== undefined) changes.smtpPassword = s.password === '' ? null : s.password;
    const from = blankToNull(s.from);
    if (from !== undefined) {
      check(
        'smtp.from',
        from === null || ADDRESS.test(from) || NAMED_ADDRESS.test(from),
        'must be an email address, optionally with a name: "Studio North" <bookings@studio.example>',
      );
      changes.emailFrom = from;
    }
  }
  if (issues.length > 0) throw new ValidationError(issues);
  return changes;
}

export function createConnectionSettingsService(core: Core) {
  const { db, clock } = core;
  const readRow = db
    .select()
    .from(connectionSettings)
    .where(eq(connectionSettings.id, 1))
    .prepare();
  const listeners = new Set<() => void>();

  return {
    /** The row with its secrets: for the composition root and the webhook, never the contract. */
    row: (): ConnectionRow | undefined => readRow.get(),
    get: (): ConnectionSettingsView => view(readRow.get()),
    publicBaseUrl: (): string | null => readRow.get()?.publicBaseUrl ?? null,
    /** Why the saved proxies are ignored (see view's warnings), or null when they apply. */
    trustedProxiesProblem: (): string | null => trustedProxiesProblem(readRow.get()),
    /** The saved proxies' addresses and ranges; empty when none are trusted or they cannot apply. */
    trustedProxies: (): string[] => {
      const saved = readRow.get()?.trustedProxies;
      const read = saved ? readTrustedProxies(saved) : null;
      return read?.ok ? read.entries : [];
    },

    update(patch: ConnectionPatch): ConnectionSettingsView {
      const changes = changesOf(patch);
      const now = clock.now();
      db.insert(connectionSettings)
        .values({ id: 1, ...changes, updatedAt: now })
        .onConflictDoUpdate({ target: connectionSettings.id, set: { ...changes, updatedAt: now } })
        .run();
      for (const listener of [...listeners]) listener();
      return view(readRow.get());
    },

    /** Called after every saved change (the app rebuilds its senders); returns the unsubscribe. */
    onChange(listener: () => void): () => void {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}

export type ConnectionSettingsService = ReturnType<typeof createConnectionSettingsService>;

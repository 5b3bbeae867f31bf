// A real SMTP server (smtp-server) on loopback that parses what arrives with mailparser, so email
// tests check the message a customer's mail client would see. AUTH over plain TCP is allowed
// (no TLS on loopback); it can refuse a recipient or the next message on demand.
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';
import type { AddressInfo } from 'node:net';

export interface ReceivedEmail {
  from: string | null;
  to: string[];
  user: string | null;
  raw: string;
  parsed: ParsedMail;
}

export interface SmtpFake {
  host: string;
  port: number;
  user: string;
  pass: string;
  received: ReceivedEmail[];
  /** RCPT TO this address is answered with `code` (e.g. 550 "no such user"). */
  rejectRecipient(address: string, code?: number): void;
  /** The next message's DATA is answered with `code` (e.g. 451 "try again later"). */
  failNextMessage(code: number, message?: string): void;
  close(): Promise<void>;
}

function smtpError(code: number, message: string): Error {
  return Object.assign(new Error(message), { responseCode: code });
}

async function readAll(stream: SMTPServerDataStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export async function startSmtpFake(
  credentials: { user?: string; pass?: string } = {},
): Promise<SmtpFake> {
  const user = credentials.user ?? 'bookings';
  const pass = credentials.pass ?? 'smtp-secret';
  const received: ReceivedEmail[] = [];
  const rejected = new Map<string, number>();
  const failures: { code: number; message: string }[] = [];

  const server = new SMTPServer({
    secure: false,
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    authMethods: ['PLAIN', 'LOGIN'],
    logger: false,
    closeTimeout: 200,
    onAuth(auth, _session, callback) {
      if (auth.username === user && auth.password === pass) return callback(null, { user });
      return callback(smtpError(535, 'Authentication credentials invalid'));
    },
    onRcptTo(address, _session, callback) {
      const code = rejected.get(address.address.toLowerCase());
      if (code) return callback(smtpError(code, `Mailbox ${address.address} unavailable`));
      return callback();
    },
    onData(stream: SMTPServerDataStream, session: SMTPServerSession, callback) {
      readAll(stream)
        .then(async (raw) => {
          const failure = failures.shift();
          if (failure) return callback(smtpError(failure.code, failure.message));
          const mailFrom = session.envelope.mailFrom;
          received.push({
            from: mailFrom ? mailFrom.address : null,
            to: session.envelope.rcptTo.map((r) => r.address),
            user: typeof session.user === 'string' ? session.user : null,
            raw,
            parsed: await simpleParser(raw),
          });
          return callback();
        })
        .catch((error: unknown) =>
          callback(error instanceof Error ? error : new Error(String(error))),
        );
    },
  });

  // A client that vanishes mid-session (a killed process, in the crash test) is the client's
  // problem; without a listener smtp-server's 'error' event would crash the test process.
  server.on('error', () => {});
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  server.server.unref();
  const { port } = server.server.address() as AddressInfo;

  let closing: Promise<void> | null = null;
  return {
    host: '127.0.0.1',
    port,
    user,
    pass,
    received,
    rejectRecipient: (address, code = 550) => void rejected.set(address.toLowerCase(), code),
    failNextMessage: (code, message = 'Requested action aborted, try again later') =>
      void failures.push({ code, message }),
    close() {
      closing ??= new Promise<void>((resolve) => server.close(() => resolve()));
      return closing;
    },
  };
}

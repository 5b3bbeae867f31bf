// POST /webhooks/twilio/sms: Twilio tells us a customer texted the business's number. The request
// is form-encoded and signed (X-Twilio-Signature: HMAC-SHA1 with our auth token over the URL
// Twilio called plus the sorted parameters); the twilio package's validateRequest checks it. The
// URL is rebuilt from the public base URL when one is set, because behind a proxy or tunnel the
// Host header is not the address Twilio signed. Forged, unsigned, or arriving before Twilio is
// set up → 403 and nothing changes. The answer is TwiML: an empty <Response/>, or one <Message>.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { App } from '../app.js';

export const TWILIO_SMS_WEBHOOK_PATH = '/webhooks/twilio/sms';

/** Twilio's webhook parameters are a few hundred bytes; anything far larger is not from Twilio. */
const BODY_LIMIT = 32 * 1024;

type Form = Record<string, string>;

function parseForm(body: string): Form {
  const form: Form = {};
  for (const [key, value] of new URLSearchParams(body)) form[key] = value;
  return form;
}

/** The URL Twilio called, as it signed it. */
function signedUrl(request: FastifyRequest, publicBaseUrl: string | null): string {
  if (publicBaseUrl !== null) {
    const query = request.url.includes('?') ? request.url.slice(request.url.indexOf('?')) : '';
    return `${publicBaseUrl}${TWILIO_SMS_WEBHOOK_PATH}${query}`;
  }
  return `${request.protocol}://${request.headers.host ?? request.host}${request.url}`;
}

function refuse(reply: FastifyReply, reason: string, message: string) {
  return reply.status(403).send({ error: { code: 'POLICY', message, details: { reason } } });
}

export function twilioWebhookRoute(server: FastifyInstance, app: App): void {
  // In its own plugin scope: the form parser applies to this route only.
  void server.register(async (scope) => {
    scope.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string', bodyLimit: BODY_LIMIT },
      (_request, body, done) => done(null, parseForm(body as string)),
    );
    scope.post(TWILIO_SMS_WEBHOOK_PATH, async (request, reply) => {
      // Loaded on the first text, not at start: the package takes about a second to import.
      const { default: twilio } = await import('twilio');
      const connections = app.services.connections;
      const authToken = connections.row()?.twilioAuthToken ?? null;
      if (authToken === null) {
        return refuse(reply, 'not_configured', 'SMS replies are not set up (no Twilio auth token)');
      }
      const signature = request.headers['x-twilio-signature'];
      const form = (
        typeof request.body === 'object' && request.body !== null ? request.body : {}
      ) as Form;
      if (
        typeof signature !== 'string' ||
        !twilio.validateRequest(
          authToken,
          signature,
          signedUrl(request, connections.publicBaseUrl()),
          form,
        )
      ) {
        return refuse(reply, 'bad_signature', 'The request is not signed by our Twilio account');
      }
      const { MessageSid: messageSid, From: from, Body: body } = form;
      if (!messageSid || !from) {
        return reply.status(422).send({
          error: {
            code: 'VALIDATION',
            message: 'MessageSid and From are required',
            details: {
              fields: [{ field: messageSid ? 'From' : 'MessageSid', message: 'is required' }],
            },
          },
        });
      }
      const received = app.services.inbox.receive({ messageSid, from, body: body ?? '' });
      if (received.planned > 0) app.reminderLoop.wake();
      const twiml = new twilio.twiml.MessagingResponse();
      if (received.answer) twiml.message(received.answer);
      return reply.type('text/xml; charset=utf-8').send(twiml.toString());
    });
  });
}

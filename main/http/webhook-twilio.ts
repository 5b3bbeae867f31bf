// POST /webhooks/twilio/sms: Twilio tells us a customer texted the business's number. The request
// is form-encoded and signed (X-Twilio-Signature: HMAC-SHA1 with our auth token over the URL
// Twilio called plus the sorted parameters); the twilio package's validateRequest checks it. The
// URL is rebuilt from the public base URL when one is set, because behind a proxy or tunnel the
// Host header is not the address Twilio signed. Forged, unsigned, or arriving before Twilio is
// set up → 403 and nothing changes. The answer is TwiML: an empty <Response/>, or one <Message>.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { App } from '../app.js';
import { failure } from './public-schemas.js';
import type { RouteDoc } from './route-spec.js';

export const TWILIO_SMS_WEBHOOK_PATH = '/webhooks/twilio/sms';

const SIGNATURE_HEADER = 'X-Twilio-Signature';

/**
 * The fields of Twilio's incoming-message webhook that we act on. Twilio sends more (To,
 * AccountSid, NumMedia…), all covered by the signature, so the rest pass through untouched.
 */
export const twilioSmsForm = z.looseObject({
  MessageSid: z
    .string({ error: 'is required' })
    .min(1, 'is required')
    .meta({ description: "Twilio's id of the message; a redelivery repeats it" }),
  From: z
    .string({ error: 'is required' })
    .min(1, 'is required')
    .meta({ description: "The customer's number (E.164)", examples: ['+447700900123'] }),
  Body: z.string().default('').meta({ description: 'What the customer wrote' }),
});

export const twilioSmsWebhook: RouteDoc = {
  operationId: 'twilioIncomingSms',
  method: 'POST',
  path: TWILIO_SMS_WEBHOOK_PATH,
  tag: 'Webhooks',
  summary: 'A customer texted the business (Twilio messaging webhook)',
  description:
    "Set as the Twilio number's messaging webhook (HTTP POST) at {public address}" +
    `${TWILIO_SMS_WEBHOOK_PATH}. C / YES / CONFIRM confirms the next appointment, CANCEL / NO ` +
    'cancels it under the cancellation cut-off, STOP / START switch texts off and on; anything ' +
    'else waits in the inbox. A MessageSid delivered twice is acted on once.',
  access: { cors: false, adminKey: false, bookingWrite: false },
  body: twilioSmsForm,
  bodyMediaType: 'application/x-www-form-urlencoded',
  headers: [
    {
      name: SIGNATURE_HEADER,
      required: true,
      description:
        "Twilio's signature (HMAC-SHA1 with the account's auth token over the URL and the " +
        'sorted parameters)',
      schema: z.string(),
    },
  ],
  responses: {
    200: {
      description: 'Recorded: TwiML, an empty <Response/> or one <Message> answering the customer',
      mediaType: 'text/xml',
    },
    403: failure(
      'Forged or unsigned (not signed by our Twilio account), or SMS replies are not set up yet; nothing is recorded',
    ),
    422: failure('Signed, but MessageSid or From is missing; nothing is recorded'),
  },
};

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
    scope.route({
      method: twilioSmsWebhook.method,
      url: twilioSmsWebhook.path,
      handler: async (request, reply) => {
        // Loaded on the first text, not at start: the package takes about a second to import.
        const { default: twilio } = await import('twilio');
        const connections = app.services.connections;
        const authToken = connections.row()?.twilioAuthToken ?? null;
        if (authToken === null) {
          return refuse(
            reply,
            'not_configured',
            'SMS replies are not set up (no Twilio auth token)',
          );
        }
        const signature = request.headers[SIGNATURE_HEADER.toLowerCase()];
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
        const parsed = twilioSmsForm.safeParse(form);
        if (!parsed.success) {
          const fields = parsed.error.issues.map((issue) => ({
            field: issue.path.join('.'),
            message: issue.message,
          }));
          return reply.status(422).send({
            error: {
              code: 'VALIDATION',
              message: `${fields.map((f) => `${f.field} ${f.message}`).join('; ')}`,
              details: { fields },
            },
          });
        }
        const { MessageSid: messageSid, From: from, Body: body } = parsed.data;
        const received = app.services.inbox.receive({ messageSid, from, body });
        if (received.planned > 0) app.reminderLoop.wake();
        const twiml = new twilio.twiml.MessagingResponse();
        if (received.answer) twiml.message(received.answer);
        return reply.type('text/xml; charset=utf-8').send(twiml.toString());
      },
    });
  });
}

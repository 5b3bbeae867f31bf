// Answers serialized once and kept (core/answer-cache.ts): many visitors ask for the same
// week. Each is also compressed once, for the clients that accept it, the first time one asks:
// a browser always does, and a week of slots shrinks from ~15 KB to under 1 KB for a phone.
// Compressing per request instead (@fastify/compress) would cost more than the answer itself.
import { Negotiator } from '@fastify/accept-negotiator';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

type Encoding = 'br' | 'gzip';

/** Below this, compression saves less than the header it adds. */
const WORTH_COMPRESSING = 1024;

// Measured on a 15 KB week: brotli at quality 4 takes ~100 µs for 670 bytes, gzip ~300 µs for
// 1,070; brotli's default quality (11) would take milliseconds.
const compress: Record<Encoding, (text: string) => Buffer> = {
  br: (text) =>
    brotliCompressSync(text, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 4,
        [constants.BROTLI_PARAM_SIZE_HINT]: Buffer.byteLength(text),
      },
    }),
  gzip: (text) => gzipSync(text),
};

// The header values browsers send are few; anything else is negotiated anew each time rather
// than remembered, so a client cannot grow this by inventing headers.
const knownHeaders = new Map<string, Encoding | null>();
const negotiator = new Negotiator<Encoding>({ supportedValues: ['br', 'gzip'] });

function chosenEncoding(header: string | undefined): Encoding | null {
  if (!header) return null;
  let chosen = knownHeaders.get(header);
  if (chosen === undefined) {
    // "*" is any encoding and x-gzip an old name for gzip (RFC 9110 §12.5.3).
    chosen = negotiator.negotiate(header.toLowerCase().replace(/\*|x-gzip/g, 'gzip'));
    if (knownHeaders.size < 64) knownHeaders.set(header, chosen);
  }
  return chosen;
}

/** A JSON body serialized earlier, sent as it is (or as its compressed copy). */
export class SerializedJson {
  private readonly compressed = new Map<Encoding, Buffer>();

  constructor(readonly text: string) {}

  send(request: FastifyRequest, reply: FastifyReply, status: number): FastifyReply {
    reply.status(status).type('application/json; charset=utf-8');
    if (this.text.length < WORTH_COMPRESSING) return reply.send(this.text);
    // The same URL answers differently by this header: shared caches must keep them apart.
    const vary = reply.getHeader('vary');
    reply.header('vary', vary ? `${String(vary)}, Accept-Encoding` : 'Accept-Encoding');
    const encoding = chosenEncoding(request.headers['accept-encoding']);
    if (!encoding) return reply.send(this.text);
    let bytes = this.compressed.get(encoding);
    if (!bytes) {
      bytes = compress[encoding](this.text);
      this.compressed.set(encoding, bytes);
    }
    return reply.header('content-encoding', encoding).send(bytes);
  }
}

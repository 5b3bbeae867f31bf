// One dispatcher for every host: validate the input once against the contract, run the handler,
// validate nothing twice, answer in the envelope. Electron IPC and server mode's /rpc both call it.
import type { z } from 'zod';
import {
  channels,
  isChannel,
  type Channel,
  type ChannelOutput,
  type Envelope,
} from '../../preload/contract/index.js';
import { AppError, ValidationError, toErrorBody, type FieldIssue } from '../core/errors.js';

export type ParsedInput<C extends Channel> = z.output<(typeof channels)[C]['input']>;

export type Handler<C extends Channel> = (
  input: ParsedInput<C>,
) => ChannelOutput<C> | Promise<ChannelOutput<C>>;

export type HandlerGroup = { [C in Channel]?: Handler<C> };
export type HandlerMap = { [C in Channel]: Handler<C> };

/** Merge per-domain handler groups; two groups claiming one channel is a programming error. */
export function mergeHandlers(...groups: HandlerGroup[]): HandlerMap {
  const merged: HandlerGroup = {};
  for (const group of groups) {
    for (const key of Object.keys(group) as Channel[]) {
      if (merged[key]) throw new Error(`Two handler groups claim channel ${key}`);
      Object.assign(merged, { [key]: group[key] });
    }
  }
  const missing = (Object.keys(channels) as Channel[]).filter((c) => !merged[c]);
  if (missing.length > 0) throw new Error(`No handler for channel(s): ${missing.join(', ')}`);
  return merged as HandlerMap;
}

export function issuesFromZod(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({
    field: issue.path.length > 0 ? issue.path.join('.') : '(input)',
    message: issue.message,
  }));
}

export interface Router {
  dispatch(channel: string, rawInput: unknown): Promise<Envelope<unknown>>;
}

export interface RouterOptions {
  onInternalError?: (channel: string, error: unknown) => void;
}

export function createRouter(handlers: HandlerMap, options: RouterOptions = {}): Router {
  return {
    async dispatch(channel, rawInput) {
      if (!isChannel(channel)) {
        return {
          ok: false,
          error: { code: 'NOT_FOUND', message: `Unknown channel ${channel}`, details: { channel } },
        };
      }
      const parsed = channels[channel].input.safeParse(rawInput ?? {});
      if (!parsed.success) {
        return { ok: false, error: new ValidationError(issuesFromZod(parsed.error)).toBody() };
      }
      try {
        // The map is keyed by channel, so the handler matches the schema we just parsed with.
        const handler = handlers[channel] as (input: unknown) => unknown;
        const value = await handler(parsed.data);
        return { ok: true, value };
      } catch (error) {
        if (!(error instanceof AppError)) options.onInternalError?.(channel, error);
        return { ok: false, error: toErrorBody(error) };
      }
    },
  };
}

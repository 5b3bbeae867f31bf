// The typed client over the bridge. Channel names, inputs and outputs all come from
// preload/contract/, so a channel added there is callable here with no list to keep.
import {
  events,
  type Channel,
  type ChannelInput,
  type ChannelOutput,
  type ErrorBody,
  type ErrorCode,
  type EventName,
  type EventPayload,
} from '../../../preload/contract/index.js';
import { bridge } from './bridge.js';

export interface FieldError {
  field: string;
  message: string;
}

/** A refusal from the core: one of the contract's stable codes, and the fields at fault. */
export class RpcError extends Error {
  override readonly name = 'RpcError';
  readonly code: ErrorCode;
  readonly details: Record<string, unknown>;
  readonly channel: Channel;

  constructor(channel: Channel, body: ErrorBody) {
    super(body.message);
    this.channel = channel;
    this.code = body.code;
    this.details = body.details ?? {};
  }

  /** The router's per-field issues (`details.fields`), or none. */
  get fields(): FieldError[] {
    const fields = this.details.fields;
    if (!Array.isArray(fields)) return [];
    return fields.filter(
      (f): f is FieldError =>
        typeof f === 'object' &&
        f !== null &&
        typeof (f as FieldError).field === 'string' &&
        typeof (f as FieldError).message === 'string',
    );
  }
}

export async function rpc<C extends Channel>(
  channel: C,
  input: ChannelInput<C>,
): Promise<ChannelOutput<C>> {
  const envelope = await bridge().invoke(channel, input);
  if (!envelope.ok) throw new RpcError(channel, envelope.error);
  return envelope.value;
}

/** Contract events only, with payloads checked against the contract: a malformed one is dropped. */
export function subscribe(
  listener: <E extends EventName>(event: E, payload: EventPayload<E>) => void,
): () => void {
  return bridge().subscribe((event, payload) => {
    const parsed = events[event].safeParse(payload);
    if (parsed.success) listener(event, parsed.data as EventPayload<typeof event>);
  });
}

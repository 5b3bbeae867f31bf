// The desk's RPC for tests, typed by the contract as the renderer's client (renderer/src/client)
// is: a misspelt channel, a wrong input or reading a field the answer lacks fails the type check,
// instead of a test that quietly exercises NOT_FOUND or VALIDATION.
import type { Router } from '../../main/ipc/router.js';
import type {
  Channel,
  ChannelInput,
  ChannelOutput,
  Envelope,
} from '../../preload/contract/index.js';

export interface RpcClient {
  /** The router's whole answer, a refusal included. */
  call<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<Envelope<ChannelOutput<C>>>;
  /** The answer's value; a refusal throws, naming the channel, the code and the message. */
  value<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>>;
  /**
   * For input the contract refuses, sent on purpose to see the refusal: the channel is still
   * checked, the input is not.
   */
  callUnchecked<C extends Channel>(channel: C, input: unknown): Promise<Envelope<ChannelOutput<C>>>;
}

/** Carries one call to the core and brings back its envelope: in-process, or over HTTP. */
export type Transport = (channel: Channel, input: unknown) => Promise<Envelope<unknown>>;

export function clientOver(send: Transport): RpcClient {
  async function call<C extends Channel>(
    channel: C,
    input: unknown,
  ): Promise<Envelope<ChannelOutput<C>>> {
    // The router answers a channel with what its handler returned, and the handler map is typed
    // by the same contract (main/ipc/router.ts HandlerMap).
    return (await send(channel, input)) as Envelope<ChannelOutput<C>>;
  }
  return {
    call,
    callUnchecked: call,
    async value(channel, input) {
      return valueOf(await call(channel, input), channel);
    },
  };
}

/** The value of an answer the test has already checked (or expects) to be ok; a refusal throws. */
export function valueOf<T>(answer: Envelope<T>, channel = 'the call'): T {
  if (!answer.ok) throw new Error(`${channel}: ${answer.error.code} ${answer.error.message}`);
  return answer.value;
}

/**
 * Straight into a core's router, as Electron IPC and /rpc do. `router` is read on every call, so
 * a client made once follows an app that a test reopens.
 */
export function rpcClient(router: () => Pick<Router, 'dispatch'>): RpcClient {
  return clientOver((channel, input) => router().dispatch(channel, input));
}

// Cached reads through TanStack Query. Keys start with the channel name, so an event can
// invalidate every query of a channel (all days, all staff) with one prefix.
import { useMutation, useQuery, useQueryClient, type UseQueryOptions } from '@tanstack/react-query';
import type { Channel, ChannelInput, ChannelOutput } from '../../../preload/contract/index.js';
import { rpc, type RpcError } from './rpc.js';

export function channelQuery<C extends Channel>(
  channel: C,
  input: ChannelInput<C>,
): UseQueryOptions<ChannelOutput<C>, RpcError, ChannelOutput<C>, readonly [C, ChannelInput<C>]> {
  return { queryKey: [channel, input] as const, queryFn: () => rpc(channel, input) };
}

export function useChannel<C extends Channel>(
  channel: C,
  input: ChannelInput<C>,
  options: { enabled?: boolean } = {},
) {
  return useQuery({ ...channelQuery(channel, input), ...options });
}

/** Channels whose answers change when an appointment does. */
export const appointmentChannels = [
  'appointments.list',
  'appointments.get',
  'appointments.history',
  'availability.get',
] as const satisfies readonly Channel[];

export interface MutationOptions {
  /** Channels to refetch on success (events cover the other windows). */
  invalidates?: readonly Channel[];
  /** The form shows the refusal itself; otherwise it becomes a toast. */
  inlineErrors?: boolean;
}

export function useChannelMutation<C extends Channel>(channel: C, options: MutationOptions = {}) {
  const client = useQueryClient();
  const invalidates = options.invalidates ?? appointmentChannels;
  return useMutation<ChannelOutput<C>, RpcError, ChannelInput<C>>({
    mutationFn: (input) => rpc(channel, input),
    meta: { inlineErrors: options.inlineErrors === true },
    onSuccess: async () => {
      await Promise.all(invalidates.map((c) => client.invalidateQueries({ queryKey: [c] })));
    },
  });
}

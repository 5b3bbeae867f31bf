// Providers (theme, cache, live updates) and the shell. Query errors that no screen handles
// itself become toasts; a mutation with `meta.inlineErrors` shows its refusal in its own form.
import { MantineProvider } from '@mantine/core';
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import { useLiveUpdates } from './client/live.js';
import { DeskShell } from './shell/DeskShell.js';
import { cssVariablesResolver, theme } from './ui/theme.js';
import { ToastArea, showRpcError } from './ui/toasts.js';

function createClient(): QueryClient {
  return new QueryClient({
    queryCache: new QueryCache({ onError: showRpcError }),
    mutationCache: new MutationCache({
      onError: (error, _variables, _context, mutation) => {
        if (mutation.meta?.inlineErrors !== true) showRpcError(error);
      },
    }),
    defaultOptions: {
      // Events keep the cache fresh; refetching on every focus would only add load.
      queries: { staleTime: 30_000, refetchOnWindowFocus: true, retry: 1 },
    },
  });
}

function Live() {
  useLiveUpdates();
  return null;
}

export function App() {
  const [client] = useState(createClient);
  return (
    <MantineProvider
      theme={theme}
      cssVariablesResolver={cssVariablesResolver}
      defaultColorScheme="light"
    >
      <QueryClientProvider client={client}>
        <Live />
        <DeskShell />
        <ToastArea />
      </QueryClientProvider>
    </MantineProvider>
  );
}

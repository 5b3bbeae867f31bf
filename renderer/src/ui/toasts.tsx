// A small toast area for refusals and confirmations (@mantine/notifications is not a dependency).
// A store outside React, so TanStack Query's global error hooks can post to it; announced
// through an aria-live region so a screen reader hears what the eye sees.
import { Notification, Stack } from '@mantine/core';
import { useSyncExternalStore } from 'react';
import type { RpcError } from '../client/rpc.js';

export interface Toast {
  id: number;
  tone: 'error' | 'success';
  title: string;
  message: string;
  code?: string;
}

let toasts: Toast[] = [];
let nextId = 1;
const listeners = new Set<() => void>();

function publish(next: Toast[]): void {
  toasts = next;
  for (const listener of listeners) listener();
}

export function dismissToast(id: number): void {
  publish(toasts.filter((t) => t.id !== id));
}

export function showToast(toast: Omit<Toast, 'id'>): void {
  const id = nextId++;
  // Keep the newest few: a burst of failures must not cover the calendar.
  publish([...toasts.slice(-3), { ...toast, id }]);
  window.setTimeout(() => dismissToast(id), toast.tone === 'error' ? 10_000 : 4_000);
}

const titles: Record<RpcError['code'], string> = {
  VALIDATION: 'Please check the details',
  NOT_FOUND: 'Not found',
  CONFLICT: 'That time is taken',
  POLICY: 'Not allowed',
  INTEGRATION: 'Connection problem',
  INTERNAL: 'Something went wrong',
};

export function showRpcError(error: unknown): void {
  if (error instanceof Error && 'code' in error) {
    const rpcError = error as RpcError;
    showToast({
      tone: 'error',
      title: titles[rpcError.code],
      message: rpcError.message,
      code: rpcError.code,
    });
    return;
  }
  showToast({ tone: 'error', title: 'Something went wrong', message: String(error) });
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function ToastArea() {
  const current = useSyncExternalStore(subscribe, () => toasts);
  return (
    <Stack
      gap="xs"
      aria-live="polite"
      data-testid="toasts"
      style={{ position: 'fixed', right: 16, bottom: 16, width: 360, zIndex: 400 }}
    >
      {current.map((toast) => (
        <Notification
          key={toast.id}
          role={toast.tone === 'error' ? 'alert' : 'status'}
          data-testid="toast"
          data-tone={toast.tone}
          data-code={toast.code}
          color={toast.tone === 'error' ? 'red' : 'teal'}
          title={toast.title}
          onClose={() => dismissToast(toast.id)}
          closeButtonProps={{ 'aria-label': 'Dismiss' }}
        >
          {toast.message}
        </Notification>
      ))}
    </Stack>
  );
}

// The real booking widget, loaded from the public listener's /widget.js and mounted into the
// page with the chosen theme: what customers will see, talking to the real API. Each change of
// look remounts it (the widget reads its theme at mount).
import { Alert, Box, Text } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { mountOptions, type WidgetLook } from './widgetEmbed.js';

interface WidgetGlobal {
  mount(el: Element, options: ReturnType<typeof mountOptions>): { unmount(): void };
}

const loading = new Map<string, Promise<WidgetGlobal>>();

/** Loads widget.js once per address; it defines window.BookingSync and, told so, mounts nothing. */
function loadWidget(previewUrl: string): Promise<WidgetGlobal> {
  let promise = loading.get(previewUrl);
  if (!promise) {
    promise = new Promise<WidgetGlobal>((resolve, reject) => {
      const script = document.createElement('script');
      script.src = `${previewUrl}/widget.js`;
      script.dataset.mount = 'manual';
      script.onload = () => {
        const global = (window as { BookingSync?: WidgetGlobal }).BookingSync;
        if (global) resolve(global);
        else reject(new Error('widget.js loaded but did not define BookingSync'));
      };
      script.onerror = () => reject(new Error(`could not load ${script.src}`));
      document.head.appendChild(script);
    });
    // A failed load may succeed later (the listener restarted): do not cache the failure.
    promise.catch(() => loading.delete(previewUrl));
    loading.set(previewUrl, promise);
  }
  return promise;
}

export function WidgetPreview(props: { previewUrl: string; look: WidgetLook }) {
  const host = useRef<HTMLDivElement>(null);
  const [widget, setWidget] = useState<WidgetGlobal | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const [mounted, setMounted] = useState(0);

  useEffect(() => {
    let live = true;
    loadWidget(props.previewUrl).then(
      (w) => live && setWidget(w),
      (error: unknown) => live && setFailed(String(error)),
    );
    return () => {
      live = false;
    };
  }, [props.previewUrl]);

  const options = JSON.stringify(mountOptions(props.previewUrl, props.look));
  useEffect(() => {
    if (!widget || !host.current) return;
    const mount = widget.mount(
      host.current,
      JSON.parse(options) as ReturnType<typeof mountOptions>,
    );
    setMounted((n) => n + 1);
    return () => mount.unmount();
  }, [widget, options]);

  if (failed) {
    return (
      <Alert color="red" data-testid="widget-preview-error">
        The preview could not load the widget ({failed}). Is the public listener running?
      </Alert>
    );
  }
  return (
    <Box>
      {!widget && (
        <Text size="sm" c="dimmed">
          Loading the widget…
        </Text>
      )}
      {/* data-look says which look the widget was last mounted with, for tests and debugging. */}
      <div
        ref={host}
        data-testid="widget-preview"
        data-look={widget ? options : undefined}
        data-mounts={mounted}
      />
    </Box>
  );
}

// The Electron shell: a window around the same core that server mode runs. It holds no business
// logic; the full desk UI, tray and notifications arrive with the receptionist's desk issue.
import { app as electronApp, BrowserWindow, ipcMain, type IpcMainInvokeEvent } from 'electron';
import { join } from 'node:path';
import { createApp, type App } from './app.js';
import { createPublicApi } from './http/public-api.js';
import { DATABASE_FILE } from './paths.js';

const RPC_CHANNEL = 'bookingsync:rpc';

let core: App | undefined;
let window: BrowserWindow | undefined;

function fromOurWindow(event: IpcMainInvokeEvent): boolean {
  return window !== undefined && event.sender.id === window.webContents.id;
}

async function start(): Promise<void> {
  const log = (message: string, error?: unknown) => console.error(message, error ?? '');
  core = createApp({ dbPath: join(electronApp.getPath('userData'), DATABASE_FILE), log });
  const running = core;
  const publicApi = createPublicApi(running, { log });
  await publicApi.listen({ host: '0.0.0.0', port: 8787 });
  await running.reminderLoop.start();
  // Checkout return links and the demo checkout page are served by this listener.
  running.services.paymentRuntime.setListenerUrl('http://127.0.0.1:8787');
  running.paymentReconciler.start();

  ipcMain.handle(RPC_CHANNEL, async (event, channel: unknown, input: unknown) => {
    if (!fromOurWindow(event)) {
      return { ok: false, error: { code: 'VALIDATION', message: 'Unknown caller' } };
    }
    return running.router.dispatch(String(channel), input);
  });

  window = new BrowserWindow({
    width: 1280,
    height: 800,
    title: 'BookingSync',
    webPreferences: {
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
    },
  });
  await window.loadURL(
    `data:text/html;charset=utf-8,${encodeURIComponent('<h1>BookingSync is running</h1>')}`,
  );

  // Quitting waits for the reminder batch in flight to record its results (and for the public
  // listener to close) before the database closes; then quits for real.
  let quitting = false;
  electronApp.on('before-quit', (event) => {
    if (quitting) return;
    quitting = true;
    event.preventDefault();
    void Promise.allSettled([
      publicApi.close(),
      running.reminderLoop.stop(),
      running.paymentReconciler.stop(),
    ]).then(() => {
      core?.close();
      electronApp.quit();
    });
  });
}

if (!electronApp.requestSingleInstanceLock()) {
  electronApp.quit();
} else {
  electronApp.on('second-instance', () => window?.focus());
  electronApp.on('window-all-closed', () => electronApp.quit());
  void electronApp.whenReady().then(start);
}

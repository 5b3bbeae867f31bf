// The Electron shell: a window around the same core that server mode runs. It holds no business
// logic. The desk UI (dist/renderer) is served from the app:// scheme with a strict CSP, the
// window is isolated and sandboxed, its preload (dist/preload.cjs, from preload/electron.ts)
// exposes only the contract, and every call is checked here to come from our own window's page
// before the router (which validates its input) answers it.
import {
  app as electronApp,
  BrowserWindow,
  ipcMain,
  protocol,
  type IpcMainInvokeEvent,
} from 'electron';
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EVENT_IPC, RPC_IPC } from '../preload/ipc-names.js';
import { createApp, type App } from './app.js';
import { createPublicApi } from './http/public-api.js';
import { DATABASE_FILE } from './paths.js';
import { deskContentSecurityPolicy } from './desk-csp.js';
import { rendererFile } from './renderer-files.js';

const here = dirname(fileURLToPath(import.meta.url));
const rendererDir = resolve(here, 'renderer');
const SCHEME = 'app';
const ORIGIN = `${SCHEME}://desk`;
const PUBLIC_PORT = 8787;

let core: App | undefined;
let window: BrowserWindow | undefined;

/** Files of dist/renderer only; a path that climbs out of it is not found. */
async function serveRenderer(request: Request, running: App): Promise<Response> {
  const path = decodeURIComponent(new URL(request.url).pathname);
  const found = rendererFile(rendererDir, path === '/' ? '/index.html' : path);
  if (!found) return new Response('Not found', { status: 404 });
  try {
    return new Response(await readFile(found.path), {
      headers: {
        'content-type': found.type,
        'content-security-policy': deskContentSecurityPolicy(
          running.services.publicAddress.previewOrigin(),
        ),
        'x-content-type-options': 'nosniff',
      },
    });
  } catch {
    return new Response('Not found', { status: 404 });
  }
}

/** Our window, and the page in its main frame is ours (not something it navigated to). */
function fromOurWindow(event: IpcMainInvokeEvent): boolean {
  if (window === undefined || window.isDestroyed()) return false;
  if (event.sender.id !== window.webContents.id) return false;
  const url = event.senderFrame?.url;
  return url !== undefined && new URL(url).origin === ORIGIN;
}

// Before ready: app:// behaves like https for the page (standard, secure, fetch allowed).
protocol.registerSchemesAsPrivileged([
  { scheme: SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

async function start(): Promise<void> {
  const log = (message: string, error?: unknown) =>
    error === undefined ? console.error(message) : console.error(message, error);
  core = createApp({
    dbPath: join(electronApp.getPath('userData'), DATABASE_FILE),
    log,
    backgroundCheckpoints: true,
  });
  const running = core;
  const publicApi = createPublicApi(running, { log });
  await publicApi.listen({ host: '0.0.0.0', port: PUBLIC_PORT });
  running.services.publicAddress.setListening(`http://0.0.0.0:${PUBLIC_PORT}`);
  await running.reminderLoop.start();
  running.paymentReconciler.start();

  protocol.handle(SCHEME, (request) => serveRenderer(request, running));

  ipcMain.handle(RPC_IPC, async (event, channel: unknown, input: unknown) => {
    if (!fromOurWindow(event)) {
      return { ok: false, error: { code: 'VALIDATION', message: 'Unknown caller' } };
    }
    return running.router.dispatch(String(channel), input);
  });

  // Every contract event to the window, as server mode streams them over SSE.
  const unsubscribe = running.events.subscribe((event, payload) => {
    if (window && !window.isDestroyed()) window.webContents.send(EVENT_IPC, event, payload);
  });

  window = new BrowserWindow({
    width: 1280,
    height: 800,
    minWidth: 1024,
    minHeight: 640,
    title: 'BookingSync',
    webPreferences: {
      preload: join(here, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    },
  });
  // The desk never opens other pages: links to the outside world stay outside the window.
  window.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  window.webContents.on('will-navigate', (event, url) => {
    if (new URL(url).origin !== ORIGIN) event.preventDefault();
  });
  await window.loadURL(`${ORIGIN}/index.html`);

  // Quitting waits for the reminder batch in flight to record its results (and for the public
  // listener to close) before the database closes; then quits for real.
  let quitting = false;
  electronApp.on('before-quit', (event) => {
    if (quitting) return;
    quitting = true;
    event.preventDefault();
    unsubscribe();
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

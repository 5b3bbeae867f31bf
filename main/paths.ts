// Where the business's data lives by default: the same user-data folder Electron uses for an app
// named BookingSync, so the desktop app and server mode open the same file.
import { homedir } from 'node:os';
import { join } from 'node:path';

export const APP_NAME = 'BookingSync';
export const DATABASE_FILE = 'bookingsync.sqlite';

export function userDataDir(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home: string = homedir(),
): string {
  switch (platform) {
    case 'darwin':
      return join(home, 'Library', 'Application Support', APP_NAME);
    case 'win32':
      return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), APP_NAME);
    default:
      return join(env.XDG_CONFIG_HOME || join(home, '.config'), APP_NAME);
  }
}

export function defaultDatabasePath(): string {
  return join(userDataDir(), DATABASE_FILE);
}

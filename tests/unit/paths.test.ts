import { describe, expect, it } from 'vitest';
import { userDataDir } from '../../main/paths.js';

describe('the default database folder', () => {
  it('follows XDG on Linux, as Electron does for an app named BookingSync', () => {
    expect(userDataDir('linux', {}, '/home/ann')).toBe('/home/ann/.config/BookingSync');
    expect(userDataDir('linux', { XDG_CONFIG_HOME: '/data/cfg' }, '/home/ann')).toBe(
      '/data/cfg/BookingSync',
    );
  });

  it('uses Application Support on macOS and APPDATA on Windows', () => {
    expect(userDataDir('darwin', {}, '/Users/ann')).toBe(
      '/Users/ann/Library/Application Support/BookingSync',
    );
    expect(userDataDir('win32', { APPDATA: 'C:/Users/ann/AppData/Roaming' }, 'C:/Users/ann')).toBe(
      'C:/Users/ann/AppData/Roaming/BookingSync',
    );
  });
});

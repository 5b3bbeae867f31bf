// The two Electron IPC channels between the window's preload (preload/electron.ts) and the shell
// (main/index.ts): one for every contract call, one for every contract event. Contract channel
// and event names travel as arguments and are checked on both sides.
export const RPC_IPC = 'bookingsync:rpc';
export const EVENT_IPC = 'bookingsync:event';

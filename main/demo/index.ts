// The demo business behind `--demo`. The only door into this folder.
export { seedDemoBusiness } from './seed.js';

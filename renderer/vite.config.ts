// Builds the receptionist UI (renderer/src) into dist/renderer/, which server mode's admin
// listener serves and the Electron window loads. Run through esbuild.config.mjs's buildRenderer().
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: here,
  // Relative asset URLs: the same build loads from http://127.0.0.1 and from file:// in Electron.
  base: './',
  plugins: [react()],
  logLevel: 'warn',
  build: {
    outDir: fileURLToPath(new URL('../dist/renderer', import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
    // Mantine plus React is one ~600 kB chunk read from disk; splitting it buys nothing here.
    chunkSizeWarningLimit: 1500,
  },
});

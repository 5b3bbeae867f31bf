import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rendererFile } from '../../main/renderer-files.js';

const root = join('/opt', 'bookingsync', 'renderer');

describe('the desk UI files both hosts serve', () => {
  it('names files inside the build folder with their type', () => {
    expect(rendererFile(root, '/index.html')).toEqual({
      path: join(root, 'index.html'),
      type: 'text/html; charset=utf-8',
    });
    expect(rendererFile(root, 'assets/app-1a2b.js')?.type).toBe('text/javascript; charset=utf-8');
  });

  it('names nothing outside the folder, the folder itself, or a type the UI does not ship', () => {
    expect(rendererFile(root, '/../server.js')).toBeUndefined();
    expect(rendererFile(root, 'assets/../../../etc/passwd.js')).toBeUndefined();
    expect(rendererFile(root, '/')).toBeUndefined();
    expect(rendererFile(root, '/assets/notes.txt')).toBeUndefined();
    expect(rendererFile(root, '/db.sqlite')).toBeUndefined();
  });
});

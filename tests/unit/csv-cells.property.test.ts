// Export cells are never read as a formula by a spreadsheet, and import undoes exactly what
// export added: any text survives a round trip unchanged.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exportCell, importCell, parseYesNo } from '../../main/domain/csv-cells.js';

const formulaStart = /^[=+\-@\t\r]/;
const risky = fc.oneof(
  fc.string(),
  fc
    .tuple(fc.constantFrom('=', '+', '-', '@', '\t', '\r', "'", "'="), fc.string())
    .map(([head, tail]) => head + tail),
);

describe('CSV cells', () => {
  it('never start an exported cell with a formula character', () => {
    fc.assert(fc.property(risky, (text) => !formulaStart.test(exportCell(text))));
  });

  it('import the exported text back unchanged', () => {
    fc.assert(fc.property(risky, (text) => importCell(exportCell(text)) === text));
  });

  it('leave ordinary text and phone-like text without a plus alone', () => {
    expect(exportCell('Ada Lovelace')).toBe('Ada Lovelace');
    expect(exportCell('07911 123456')).toBe('07911 123456');
    expect(exportCell('+447911123456')).toBe("'+447911123456");
    expect(importCell("'quoted on purpose")).toBe("'quoted on purpose");
  });

  it('read yes and no as people type them, and nothing else', () => {
    expect(['Yes', 'y', 'TRUE', '1'].map(parseYesNo)).toEqual([true, true, true, true]);
    expect(['no', 'N', 'false', '0'].map(parseYesNo)).toEqual([false, false, false, false]);
    expect(parseYesNo('maybe')).toBeUndefined();
  });
});

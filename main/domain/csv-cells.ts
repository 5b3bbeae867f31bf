// CSV cells that a spreadsheet would run as a formula (=, +, -, @, and tab or carriage return,
// which some spreadsheets strip before looking) are written with a leading apostrophe, so an
// exported customer file cannot execute anything when opened. Import undoes exactly that prefix,
// so an exported file imports back unchanged.
const FORMULA_START = /^[=+\-@\t\r]/;
/** Text that import would take for a prefixed cell ('=…, ''=…): prefixed too, so it survives. */
const PREFIXED = /^'+[=+\-@\t\r]/;

export function exportCell(value: string): string {
  return FORMULA_START.test(value) || PREFIXED.test(value) ? `'${value}` : value;
}

export function importCell(value: string): string {
  return PREFIXED.test(value) ? value.slice(1) : value;
}

/** yes/no as people type them in a spreadsheet; undefined when it is neither. */
export function parseYesNo(value: string): boolean | undefined {
  const v = value.trim().toLowerCase();
  if (['yes', 'y', 'true', '1'].includes(v)) return true;
  if (['no', 'n', 'false', '0'].includes(v)) return false;
  return undefined;
}

// The desk's Mantine theme, held to WCAG 2.1 AA contrast (4.5:1 for text) in both schemes. The
// figures are measured against the backgrounds the desk actually paints (white, #242424, the
// light variant's tints); tests/e2e/a11y.test.ts checks every screen with axe-core.
import {
  ColorInput,
  Modal,
  Notification,
  createTheme,
  darken,
  luminance,
  type CSSVariablesResolver,
  type MantineColorsTuple,
} from '@mantine/core';

const AA = 4.5;

function contrast(a: string, b: string): number {
  const [hi = 0, lo = 0] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** `color` darkened in small steps until it reads at 4.5:1 on `background`. */
function readableOn(color: string, background: string): string {
  let shade = color;
  for (let step = 1; contrast(shade, background) < AA && step < 20; step++) {
    shade = darken(color, step * 0.05);
  }
  return shade;
}

/**
 * Mantine's teal with the two darkest shades one step darker. Mantine's light variant (active
 * nav, light badges) writes shade 9 on shades 1 and 2: the stock #087f5b made 4.3:1 and 3.8:1,
 * #06664a makes 6.0:1 and 5.3:1. Shade 8, the filled colour, takes the stock 9: white on it is
 * 5.0:1 where the stock 6 (#12b886) was 2.6:1.
 */
const teal: MantineColorsTuple = [
  '#e6fcf5',
  '#c3fae8',
  '#96f2d7',
  '#63e6be',
  '#38d9a9',
  '#20c997',
  '#12b886',
  '#0ca678',
  '#087f5b',
  '#06664a',
];

export const theme = createTheme({
  colors: { teal },
  primaryColor: 'teal',
  // For every colour, not only teal: white on blue 8 is 5.0:1 where blue 6 was 4.1:1.
  primaryShade: { light: 8, dark: 8 },
  // Filled buttons and badges take black or white text, whichever contrasts more: 0.179 is the
  // relative luminance at which both are equal (4.58:1), so either choice is at least that.
  // Green, orange and yellow get black; white on green 8 was 3.4:1.
  autoContrast: true,
  luminanceThreshold: 0.179,
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
  defaultRadius: 'sm',
  components: {
    // Icon-only buttons Mantine draws itself have no words; give them names once, here.
    ColorInput: ColorInput.extend({
      defaultProps: { eyeDropperButtonProps: { 'aria-label': 'Pick a colour from the screen' } },
    }),
    Modal: Modal.extend({
      defaultProps: { closeButtonProps: { 'aria-label': 'Close dialog' } },
    }),
    // A toast's text under its title is Mantine's gray 6 / dark 2 as such, not the dimmed
    // colour (3.3:1 on white, 3.5:1 on the dark toast): it takes the readable dimmed one.
    Notification: Notification.extend({
      styles: { description: { color: 'var(--mantine-color-dimmed)' } },
    }),
  },
});

/**
 * Secondary text and errors, which Mantine paints below 4.5:1: dimmed gray 6 on white is 3.3:1
 * and dark 2 on the dark body 4.0:1; the error red 6 on white 3.3:1, red 8 on dark 3.4:1.
 */
export const cssVariablesResolver: CSSVariablesResolver = (t) => ({
  variables: {},
  light: {
    ...readableLightVariants(t.colors),
    // 6.1:1 on white, 5.3:1 on the light variant's tint (a selected row), 4.7:1 on gray 3.
    '--mantine-color-dimmed': '#5c636a',
    '--mantine-color-error': t.colors.red[9],
  },
  dark: {
    // 6.4:1 on the body, 5.6:1 on inputs and papers (dark 6), 4.6:1 on dark 5.
    '--mantine-color-dimmed': '#a6a6a6',
    '--mantine-color-error': t.colors.red[4],
  },
});

/**
 * In the light scheme Mantine writes a colour's light variant (light badges, alerts, subtle
 * buttons) in its shade 9 on shade 1, hover shade 2, and coloured text in the filled shade on
 * white: green 9 on green 1 is 3.8:1, yellow 9 on yellow 1 2.7:1, green text 3.4:1. Each is
 * darkened only as far as 4.5:1 needs; colours that pass keep Mantine's values.
 */
function readableLightVariants(colors: Record<string, MantineColorsTuple>): Record<string, string> {
  const variables: Record<string, string> = {};
  for (const [name, shades] of Object.entries(colors)) {
    const lightColor = readableOn(shades[9], shades[2]);
    if (lightColor !== shades[9]) variables[`--mantine-color-${name}-light-color`] = lightColor;
    const text = readableOn(shades[8], '#ffffff');
    if (text !== shades[8]) variables[`--mantine-color-${name}-text`] = text;
  }
  return variables;
}

import { createTheme, type CSSVariablesResolver } from '@mantine/core';

/**
 * The Mantine theme. Shades are chosen for WCAG AA contrast: Mantine's default primary (blue.6) and
 * error (red.6) colours are too light for white/normal-size text.
 */
export const theme = createTheme({
  primaryColor: 'blue',
  primaryShade: { light: 8, dark: 4 },
  focusRing: 'auto',
  defaultRadius: 'sm',
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans Arabic", "Helvetica Neue", Arial, sans-serif',
  components: {
    Table: { defaultProps: { striped: true, highlightOnHover: true } },
    // Dropdowns render inside the page's landmarks (axe: region) rather than in a portal at <body>.
    Select: { defaultProps: { comboboxProps: { withinPortal: false } } },
    MultiSelect: { defaultProps: { comboboxProps: { withinPortal: false } } },
  },
});

export const cssVariablesResolver: CSSVariablesResolver = (t) => ({
  variables: {},
  light: {
    // "light" and "subtle" variants (active nav links, alert titles, light buttons) use shade 6 text
    // on a tinted background by default, below 4.5:1; use the darkest shade instead.
    ...Object.fromEntries(
      Object.keys(t.colors).map((color) => [`--mantine-color-${color}-light-color`, `var(--mantine-color-${color}-9)`]),
    ),
    '--mantine-primary-color-light-color': 'var(--mantine-color-blue-9)',
    // Even the darkest yellow and orange are too light on their tint: use near-black text there.
    '--mantine-color-yellow-light-color': 'var(--mantine-color-dark-8)',
    '--mantine-color-orange-light-color': 'var(--mantine-color-dark-8)',
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-error': 'var(--mantine-color-red-8)',
    '--mantine-color-placeholder': 'var(--mantine-color-gray-6)',
    '--mantine-color-anchor': 'var(--mantine-color-blue-8)',
  },
  dark: {},
});

import { describe, expect, it } from 'vitest';

import { STYLES, SURFACE_COLORS, TEXT_COLORS, THEMES, type ThemeName } from '../../../components/theme';

/** WCAG 2.x relative luminance of "#rrggbb". */
function luminance(hex: string): number {
  const channel = (offset: number) => {
    const value = Number.parseInt(hex.slice(offset, offset + 2), 16) / 255;
    return value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

/** WCAG contrast ratio, 1 to 21. */
function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

const themes = Object.keys(THEMES) as ThemeName[];

describe('theme contrast (WCAG AA)', () => {
  it('checks the contrast formula on known pairs', () => {
    expect(contrast('#ffffff', '#000000')).toBeCloseTo(21, 5);
    expect(contrast('#777777', '#ffffff'), 'the classic AA borderline grey').toBeCloseTo(4.48, 2);
  });

  it.each(
    themes.flatMap((theme) =>
      TEXT_COLORS.flatMap((text) => SURFACE_COLORS.map((surface) => [theme, text, surface] as const)),
    ),
  )('%s: %s text on %s reaches 4.5:1', (theme, text, surface) => {
    const colors = THEMES[theme];
    expect(contrast(colors[text], colors[surface])).toBeGreaterThanOrEqual(4.5);
  });

  it.each(themes)('%s: text on the accent buttons reaches 4.5:1', (theme) => {
    expect(contrast(THEMES[theme]['on-accent'], THEMES[theme].accent)).toBeGreaterThanOrEqual(4.5);
  });

  it.each(themes.flatMap((theme) => SURFACE_COLORS.map((surface) => [theme, surface] as const)))(
    '%s: field borders on %s reach 3:1 (non-text contrast)',
    (theme, surface) => {
      expect(contrast(THEMES[theme].field, THEMES[theme][surface])).toBeGreaterThanOrEqual(3);
    },
  );

  it('every focusable thing shows a focus ring', () => {
    expect(STYLES).toContain('.tr-root :focus-visible{outline:2px solid var(--tr-info)');
  });
});

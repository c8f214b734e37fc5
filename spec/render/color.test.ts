import { describe, expect, it } from 'vitest';
import { createStyler, plain, shouldColor, stylerFor } from '../../src/render/color.ts';

describe('shouldColor', () => {
  it('colours a TTY by default', () => {
    expect(shouldColor({ isTTY: true, env: { TERM: 'xterm-256color' } })).toBe(true);
  });

  it('does not colour piped output or a dumb terminal', () => {
    expect(shouldColor({ isTTY: false, env: {} })).toBe(false);
    expect(shouldColor({ env: {} })).toBe(false);
    expect(shouldColor({ isTTY: true, env: { TERM: 'dumb' } })).toBe(false);
  });

  it('turns colour off for any non-empty NO_COLOR, even over FORCE_COLOR', () => {
    expect(shouldColor({ isTTY: true, env: { NO_COLOR: '1' } })).toBe(false);
    expect(shouldColor({ isTTY: true, env: { NO_COLOR: 'false' } })).toBe(false);
    expect(shouldColor({ isTTY: true, env: { NO_COLOR: '1', FORCE_COLOR: '1' } })).toBe(false);
  });

  it('ignores an empty NO_COLOR, as no-color.org says', () => {
    expect(shouldColor({ isTTY: true, env: { NO_COLOR: '' } })).toBe(true);
  });

  it('turns colour on with FORCE_COLOR, off with FORCE_COLOR=0', () => {
    expect(shouldColor({ isTTY: false, env: { FORCE_COLOR: '1' } })).toBe(true);
    expect(shouldColor({ isTTY: false, env: { FORCE_COLOR: '' } })).toBe(true);
    expect(shouldColor({ isTTY: false, env: { FORCE_COLOR: '1', TERM: 'dumb' } })).toBe(true);
    expect(shouldColor({ isTTY: true, env: { FORCE_COLOR: '0' } })).toBe(false);
  });
});

describe('styler', () => {
  it('is the identity when colour is off', () => {
    const s = stylerFor({ isTTY: true, env: { NO_COLOR: '1' } });
    expect(s.enabled).toBe(false);
    expect(s.red(s.bold('x'))).toBe('x');
    expect(plain.cyan('y')).toBe('y');
  });

  it('wraps text in ANSI codes when colour is on, whatever process.stdout is', () => {
    const s = createStyler(true);
    expect(s.red('x')).toBe('\x1b[31mx\x1b[39m');
    expect(s.bold('x')).toBe('\x1b[1mx\x1b[22m');
    expect(s.green('')).toBe('');
  });
});

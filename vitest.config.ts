import preact from '@preact/preset-vite';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  test: {
    projects: [
      {
        plugins: [WxtVitest(), preact()],
        test: { name: 'unit', include: ['test/unit/**/*.test.{ts,tsx}', 'test/property/**/*.test.ts'] },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
          // test/e2e/worker-probe.ts talks to Chromium's DevTools endpoint over a WebSocket:
          // global in Node ≥ 22, behind this flag in Node 20.
          execArgv: typeof WebSocket === 'undefined' ? ['--experimental-websocket'] : [],
        },
      },
      {
        test: {
          name: 'firefox',
          include: ['test/e2e-firefox/**/*.test.ts'],
          // A group of its own, never at the same time as the Chromium tests: two browsers
          // at once on two cores would make either's timing (stale prices) depend on the other.
          sequence: { groupOrder: 1 },
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // Firefox's WebDriver BiDi endpoint is a WebSocket (test/e2e-firefox/bidi-connection.ts).
          execArgv: typeof WebSocket === 'undefined' ? ['--experimental-websocket'] : [],
        },
      },
    ],
  },
});

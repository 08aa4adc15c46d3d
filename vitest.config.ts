import { svelte } from '@sveltejs/vite-plugin-svelte';
import { svelteTesting } from '@testing-library/svelte/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [svelte(), svelteTesting()],
  test: {
    reporters: ['default', './tests/support/summary-reporter.ts'],
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: ['tests/core/**/*.test.ts', 'tests/scripts/**/*.test.ts', 'tests/adapters/**/*.test.ts', 'tests/i18n/**/*.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'dom',
          environment: 'happy-dom',
          setupFiles: ['tests/support/i18n-setup.ts'],
          include: ['tests/components/**/*.test.ts', 'tests/state/**/*.test.ts', 'tests/routes/**/*.test.ts'],
        },
      },
    ],
  },
});

/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const backend = process.env.KINERJA_BACKEND_URL ?? 'http://127.0.0.1:8080';

export default defineConfig({
  base: '/',
  plugins: [react()],
  server: {
    proxy: {
      '/api': { target: backend, changeOrigin: false },
      '/api-docs': { target: backend, changeOrigin: false },
      '/swagger-ui': { target: backend, changeOrigin: false },
    },
  },
  build: {
    outDir: 'dist',
    sourcemap: false,
    target: 'es2022',
    chunkSizeWarningLimit: 400,
    rolldownOptions: {
      output: {
        // One long-cached chunk for the libraries; app code and lazy admin pages stay separate.
        codeSplitting: {
          // Without this, a group also swallows the modules its members import (React!).
          includeDependenciesRecursively: false,
          groups: [
            // Charts are only used by the IKM pages: keep them out of the eager vendor chunk.
            { name: 'recharts', test: /node_modules[\\/]recharts[\\/]/, priority: 30 },
            {
              name: 'charts-deps',
              test: /node_modules[\\/](victory-vendor|d3-[a-z-]+|internmap|@reduxjs|react-redux|redux|redux-thunk|reselect|immer|decimal\.js-light|es-toolkit|eventemitter3|tiny-invariant|clsx)[\\/]/,
              priority: 20,
            },
            { name: 'vendor', test: /node_modules/, priority: 10 },
          ],
        },
      },
    },
  },
  test: {
    environment: 'jsdom',
    setupFiles: ['./src/test/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    css: false,
    restoreMocks: true,
    unstubGlobals: true,
  },
});

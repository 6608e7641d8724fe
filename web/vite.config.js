import { defineConfig } from 'vite';

// Built files go into the web module's classes as static/ so Spring Boot serves them from the jar.
export default defineConfig({
  build: {
    outDir: 'target/classes/static',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
  },
  server: {
    proxy: { '/api': 'http://localhost:8080', '/login': 'http://localhost:8080', '/logout': 'http://localhost:8080' },
  },
});

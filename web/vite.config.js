import { defineConfig } from 'vite';

// Built files go into the web module's classes as static/ so Spring Boot serves them from the jar.
export default defineConfig({
  build: {
    outDir: 'target/classes/static',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
    rollupOptions: {
      output: {
        // The MapLibre worker ships as .mjs; emit it as .js so every server sends a JavaScript
        // MIME type (workers refuse to start otherwise).
        assetFileNames: (asset) => (asset.names?.[0] || asset.name || '').endsWith('.mjs') ? 'assets/[name]-[hash].js' : 'assets/[name]-[hash][extname]',
      },
    },
  },
  server: {
    proxy: { '/api': 'http://localhost:8080' },
  },
});

/**
 * Next.js configuration. The app is served by our own server (server/index.ts), which also hosts
 * the JSON API and Socket.IO on the same port.
 *
 * Cross-origin isolation (COOP + COEP) lets tfjs' WASM backend use threads (SharedArrayBuffer);
 * every asset is served from our own origin, so `require-corp` costs nothing.
 *
 * TensorFlow.js is loaded from node_modules when pages render on the server, not bundled into them:
 * the server process already loads it (lib/engine/weights.ts checks uploads), and a second, bundled
 * copy re-registered every kernel on the shared global registry at the first page that imports it —
 * ≈ 340 "The kernel '…' for backend 'cpu'/'webgl' is already registered" lines in the `npm start` log.
 * External, both are the same module instance and each kernel registers once. Browser bundles are unchanged.
 * @type {import('next').NextConfig}
 */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  serverExternalPackages: [
    "@tensorflow/tfjs",
    "@tensorflow/tfjs-core",
    "@tensorflow/tfjs-backend-cpu",
    "@tensorflow/tfjs-backend-webgl",
    "@tensorflow/tfjs-backend-wasm",
    "@tensorflow/tfjs-backend-webgpu",
    "@tensorflow/tfjs-converter",
    "@tensorflow/tfjs-data",
    "@tensorflow/tfjs-layers",
  ],
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
          { key: "Cross-Origin-Embedder-Policy", value: "require-corp" },
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "same-origin" },
        ],
      },
    ];
  },
};

export default nextConfig;

/**
 * Next.js configuration. The app is served by our own server (server/index.ts), which also hosts
 * the JSON API and Socket.IO on the same port.
 *
 * Cross-origin isolation (COOP + COEP) lets tfjs' WASM backend use threads (SharedArrayBuffer);
 * every asset is served from our own origin, so `require-corp` costs nothing.
 *
 * TensorFlow.js stays outside the server bundle: pages that import the engine (the lab, the
 * student's page) are rendered on the server too, and a bundled copy of tfjs registered every
 * kernel a second time into tfjs' global registry, which the server process already holds
 * (≈ 340 "already registered" warnings in the log on the first render of /lab). External, the
 * pages share the server's one copy.
 * @type {import('next').NextConfig}
 */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  serverExternalPackages: ["@tensorflow/tfjs", "@tensorflow/tfjs-core", "@tensorflow/tfjs-backend-wasm", "@tensorflow/tfjs-backend-webgpu"],
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

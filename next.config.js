/**
 * Next.js configuration. The app is served by our own server (server/index.ts), which also hosts
 * the JSON API and Socket.IO on the same port.
 *
 * Cross-origin isolation (COOP + COEP) lets tfjs' WASM backend use threads (SharedArrayBuffer);
 * every asset is served from our own origin, so `require-corp` costs nothing.
 * @type {import('next').NextConfig}
 */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
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

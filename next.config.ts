import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // PGlite loads its .wasm/.data files relative to its own module: it must not be bundled.
  // oidc-provider keeps its in-memory stores in module state, which bundling splits apart
  // (authorization codes issued by one copy were "not found" by another).
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "pino", "oidc-provider"],
  // Migrations are read at start-up from prisma/migrations; ship them with the server.
  outputFileTracingIncludes: { "/*": ["./prisma/migrations/**/*"] },
  poweredByHeader: false,
  // The benchmarks build only to measure pages: they skip the type check (30 s of a fresh
  // clone's build), which lint, typecheck and CI run. Every other build checks types.
  typescript: { ignoreBuildErrors: process.env.AGP_BUILD_WITHOUT_TYPECHECK === "1" },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
          { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
        ],
      },
      {
        // JSON only: nothing there may run script or be framed. Pages get theirs from proxy.ts; the
        // two documents served from /api (the API reference and the specification's export) set
        // their own, as strict but for their inline stylesheet: browsers enforce every policy sent.
        source: "/api/:path((?!docs$|v1/workspaces/[^/]+/export$).*)",
        headers: [{ key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'" }],
      },
    ];
  },
};

export default nextConfig;

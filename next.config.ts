import type { NextConfig } from "next";

import { UPLOAD_BODY_LIMIT_BYTES } from "./lib/security/body-limit";
import { SECURITY_HEADERS } from "./lib/security/csp";

// Static files get the same headers as pages (proxy.ts adds the CSP to pages).
const securityHeaders = Object.entries(SECURITY_HEADERS).map(([key, value]) => ({ key, value }));

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // `next dev` serves its scripts and hot reload only to localhost unless told otherwise: the
  // portal opened at 127.0.0.1 or [::1] would show blank pages. Development only; loopback only.
  allowedDevOrigins: ["127.0.0.1", "[::1]"],
  // proxy.ts refuses a larger body first, with 413 and a page (Next.js would answer 500): 1 MB for
  // every form but a study document's upload, which takes up to 10 MB (lib/security/body-limit.ts).
  experimental: { serverActions: { bodySizeLimit: UPLOAD_BODY_LIMIT_BYTES } },
  // Native and WebAssembly packages load their own files at run time: keep them out of the bundle.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "@node-rs/argon2", "pg", "pg-boss", "nodemailer"],
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

export default nextConfig;

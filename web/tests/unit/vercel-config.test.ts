// vercel.json against the code, quickly (web/scripts/check-vercel-build.mjs runs Vercel's own build for the
// same facts, slower): the cron list and the cron routes are the same set, `functions` patterns are written
// relative to the Next app (Vercel refuses `web/app/...` with "doesn't match any Serverless Functions"), the
// build settings fit the layout (root package.json, `next build web`), and only documented keys are used.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { Cron } from "croner";
import { describe, expect, it } from "vitest";

const root = path.join(__dirname, "..", "..", "..");
const config = JSON.parse(readFileSync(path.join(root, "vercel.json"), "utf8")) as {
  framework?: string;
  buildCommand?: string;
  outputDirectory?: string;
  crons?: { path: string; schedule: string }[];
  functions?: Record<string, { maxDuration?: number }>;
};
const pkg = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as { scripts: Record<string, string> };

// Top-level keys of Vercel's project configuration schema (https://openapi.vercel.sh/vercel.json) this repo uses.
const KNOWN_KEYS = ["$schema", "framework", "buildCommand", "outputDirectory", "installCommand", "crons", "functions"];

describe("vercel.json", () => {
  it("uses only documented keys", () => {
    expect(Object.keys(config).filter((k) => !KNOWN_KEYS.includes(k))).toEqual([]);
  });

  it("schedules exactly the cron routes the app has, each with a valid five-field schedule", () => {
    const cronDir = path.join(root, "web", "app", "api", "cron");
    const routes = readdirSync(cronDir)
      .filter((d) => existsSync(path.join(cronDir, d, "route.ts")))
      .map((d) => `/api/cron/${d}`)
      .sort();
    expect((config.crons ?? []).map((c) => c.path).sort()).toEqual(routes);
    for (const c of config.crons ?? []) {
      expect(c.schedule.trim().split(/\s+/)).toHaveLength(5);
      expect(() => new Cron(c.schedule, { paused: true })).not.toThrow();
    }
  });

  it("writes function patterns relative to the Next app, and each matches a route file", () => {
    const patterns = Object.keys(config.functions ?? {});
    expect(patterns.length).toBeGreaterThan(0);
    for (const pattern of patterns) {
      expect(pattern).toMatch(/^app\//);
      const glob = pattern
        .replace(/\./g, "\\.")
        .replace(/\*\*\//g, "(?:.+/)?")
        .replace(/\*(?!\*)/g, "[^/]*");
      const re = new RegExp(`^${glob}$`);
      const files = readdirSync(path.join(root, "web", "app"), { recursive: true })
        .map((f) => `app/${String(f).replace(/\\/g, "/")}`)
        .filter((f) => re.test(f));
      expect(files.length, pattern).toBeGreaterThan(0);
    }
    // The cron routes outlast one batch's worst case; the lease (run-job.ts) stays below it.
    expect(config.functions?.["app/api/cron/**/route.ts"]?.maxDuration).toBe(60);
  });

  it("builds the app in web/ from the repository root: npm run build is next build web, output in web/.next", () => {
    expect(config.framework).toBe("nextjs");
    expect(config.buildCommand).toBe("npm run build");
    expect(pkg.scripts.build).toBe("next build web");
    expect(config.outputDirectory).toBe("web/.next");
    expect(readFileSync(path.join(root, "web", "next.config.ts"), "utf8")).toMatch(
      /distDir: process\.env\.NEXT_DIST_DIR \?\? "\.next"/,
    );
  });

  it("is mirrored by the pg_cron schedules documented for plans without minute-level cron", () => {
    const doc = readFileSync(path.join(root, "documentation", "operations.md"), "utf8");
    const scheduled = [
      ...doc.matchAll(
        /cron\.schedule\('vete-[a-z-]+', '([^']+)', \$\$select public\.vete_call_cron_route\('([^']+)'\)\$\$\)/g,
      ),
    ]
      .map((m) => `${m[2]} ${m[1]}`)
      .sort();
    expect(scheduled).toEqual((config.crons ?? []).map((c) => `${c.path} ${c.schedule}`).sort());
  });
});

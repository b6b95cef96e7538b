// Runs Vercel's own build (the pinned CLI, `vercel build`, offline: no account, no token) on a copy of the
// tracked files and checks its output the way Vercel would deploy it: the build succeeds with this layout
// (root package.json, the Next app in web/), every cron route in vercel.json is scheduled and exists as a
// function with the maxDuration vercel.json gives, and every route under web/app/api became a function.
// Usage: node web/scripts/check-vercel-build.mjs   (CI runs it; ~1-2 min, most of it `next build`)
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

// The newest CLI that installs on Node 20 here (TOOLCHAIN.md); not a dependency: npx fetches exactly this.
const VERCEL_CLI = "vercel@58.10.0";
const root = path.resolve(import.meta.dirname, "..", "..");
const vercelJson = JSON.parse(readFileSync(path.join(root, "vercel.json"), "utf8"));

const work = mkdtempSync(path.join(os.tmpdir(), "vete-vercel-build-"));
const problems = [];
try {
  const files = execFileSync("git", ["ls-files", "-z"], { cwd: root, encoding: "utf8" }).split("\0").filter(Boolean);
  for (const f of files) {
    if (!existsSync(path.join(root, f))) continue;
    mkdirSync(path.dirname(path.join(work, f)), { recursive: true });
    cpSync(path.join(root, f), path.join(work, f));
  }
  // Hard links: the installed packages, without copying 500 MB (the build never writes inside them).
  execFileSync("cp", ["-al", path.join(root, "node_modules"), path.join(work, "node_modules")]);
  // What `vercel link` would write; the ids are placeholders (a local build sends nothing anywhere). No install
  // step: the packages are already here, and `npm install` must never write through the hard links above.
  mkdirSync(path.join(work, ".vercel"));
  writeFileSync(
    path.join(work, ".vercel", "project.json"),
    JSON.stringify({
      projectId: "prj_local_check",
      orgId: "team_local_check",
      settings: { framework: "nextjs", installCommand: "" },
    }),
  );
  const run = spawnSync("npx", ["--yes", VERCEL_CLI, "build", "--yes"], {
    cwd: work,
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", VERCEL_TELEMETRY_DISABLED: "1" },
  });
  if (run.status !== 0) throw new Error(`vercel build exited with ${run.status}`);

  const out = path.join(work, ".vercel", "output");
  const config = JSON.parse(readFileSync(path.join(out, "config.json"), "utf8"));
  const scheduled = (config.crons ?? []).map((c) => `${c.path} ${c.schedule}`).sort();
  const wanted = (vercelJson.crons ?? []).map((c) => `${c.path} ${c.schedule}`).sort();
  if (JSON.stringify(scheduled) !== JSON.stringify(wanted)) {
    problems.push(`crons in the output ${JSON.stringify(scheduled)} differ from vercel.json ${JSON.stringify(wanted)}`);
  }
  const maxDuration = Object.values(vercelJson.functions ?? {})[0]?.maxDuration;
  for (const c of vercelJson.crons ?? []) {
    const vc = path.join(out, "functions", `${c.path.slice(1)}.func`, ".vc-config.json");
    if (!existsSync(vc)) {
      problems.push(`no function for the cron route ${c.path}`);
      continue;
    }
    const fn = JSON.parse(readFileSync(vc, "utf8"));
    if (fn.maxDuration !== maxDuration)
      problems.push(`${c.path}: maxDuration ${fn.maxDuration}, vercel.json says ${maxDuration}`);
  }
  // Every API route handler in the app is a function in the output.
  const apiDir = path.join(root, "web", "app", "api");
  const routes = readdirSync(apiDir, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith("route.ts"))
    .map((f) => `api/${path.dirname(f)}`.replace(/\\/g, "/"));
  for (const r of routes) {
    if (!existsSync(path.join(out, "functions", `${r}.func`))) problems.push(`no function for the route /${r}`);
  }
  // The invoice PDF routes read their fonts from node_modules at run time (web/lib/billing/pdf-fonts.ts): the
  // files must be in those functions, copied or mapped (.vc-config.json filePathMap), or the PDFs fail on Vercel.
  const fonts = ["DejaVuSans.ttf", "DejaVuSans-Bold.ttf"].map((f) => `node_modules/dejavu-fonts-ttf/ttf/${f}`);
  const pdfRoutes = ["[clinic]/staff/invoices/[invoiceId]/pdf", "[clinic]/portal/invoices/[invoiceId]/pdf"];
  for (const r of pdfRoutes) {
    const func = path.join(out, "functions", `${r}.func`);
    if (!existsSync(func)) {
      problems.push(`no function for the route /${r}`);
      continue;
    }
    const mapped = JSON.parse(readFileSync(path.join(func, ".vc-config.json"), "utf8")).filePathMap ?? {};
    for (const f of fonts) {
      if (!existsSync(path.join(func, f)) && !(f in mapped)) problems.push(`/${r}: ${f} is not in the function`);
    }
    // A run-time path the tracer cannot scope makes it take the whole repository, sources included.
    const sources = Object.keys(mapped).filter((f) => /^web\/(app|lib)\/.*\.tsx?$/.test(f));
    if (sources.length) problems.push(`/${r}: the whole project was traced (${sources.length} source files)`);
  }
  console.log(
    `[vercel] output checked: ${scheduled.length} crons, ${routes.length} API routes, fonts of ${pdfRoutes.length} PDF routes`,
  );
} finally {
  if (process.env.KEEP_VERCEL_WORK) console.log(`[vercel] kept ${work}`);
  else rmSync(work, { recursive: true, force: true });
}
if (problems.length) {
  console.error(`[vercel] the build output does not match:\n  ${problems.join("\n  ")}`);
  process.exit(1);
}
console.log("[vercel] build output OK");

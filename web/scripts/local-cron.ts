// Runs the jobs listed in vercel.json on the same schedules while `npm start` is up, by calling the same
// /api/cron/<job> routes with the same bearer secret Vercel Cron uses.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { Cron } from "croner";

export interface LocalCron {
  stop(): void;
}

interface VercelJson {
  crons?: { path: string; schedule: string }[];
}

export async function startLocalCron(opts: {
  baseUrl: string;
  secret: string;
  log: (l: string) => void;
}): Promise<LocalCron> {
  const file = path.join(__dirname, "..", "..", "vercel.json");
  const config = JSON.parse(await readFile(file, "utf8")) as VercelJson;
  const jobs = (config.crons ?? []).map(
    (job) =>
      new Cron(job.schedule, { protect: true, timezone: "UTC" }, async () => {
        try {
          const res = await fetch(`${opts.baseUrl}${job.path}`, {
            headers: { authorization: `Bearer ${opts.secret}` },
          });
          if (!res.ok) opts.log(`cron ${job.path}: HTTP ${res.status}`);
        } catch (err) {
          opts.log(`cron ${job.path}: ${err instanceof Error ? err.message : String(err)}`);
        }
      }),
  );
  if (jobs.length) opts.log(`local cron: ${jobs.length} job(s) scheduled from vercel.json`);
  return { stop: () => jobs.forEach((j) => j.stop()) };
}

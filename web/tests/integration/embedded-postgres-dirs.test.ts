// Run as root (as CI does), the embedded server's data directory must be reachable by the postgres OS user.
// Only directories this project creates may be opened up for that: once, the OS temp directory itself was
// chmod-ed to 0755 and lost its sticky bit, breaking every other program on the machine.
import { statSync } from "node:fs";
import os from "node:os";
import { describe, expect, it } from "vitest";
import { startEmbeddedPostgres } from "../../scripts/embedded-postgres";

const modeOf = (p: string) => statSync(p).mode & 0o7777;

describe("a throwaway embedded PostgreSQL", () => {
  it("keeps its data in a private directory and leaves the OS temp directory's permissions alone", async () => {
    const before = modeOf(os.tmpdir());
    const pg = await startEmbeddedPostgres({ throwaway: true, label: "vete-dirs-test", database: "vete_dirs" });
    try {
      expect(modeOf(os.tmpdir())).toBe(before);
    } finally {
      await pg.stop();
    }
    expect(modeOf(os.tmpdir())).toBe(before);
  });
});

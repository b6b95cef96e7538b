// Every rpc()/rpcOne() call and every RpcFunctions declaration in web/ must match the migrated catalog:
// the function exists in public with exactly one overload, every argument name given exists, and every
// argument without a default is given. Calls are discovered from the source, so new domains are covered.
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { closeTestPool, testPool } from "../helpers/factories";
import { checkRpcUses, findAllRpcUses, findRpcUses } from "../helpers/rpc-calls";

afterAll(closeTestPool);

const webRoot = path.join(__dirname, "..", "..");

describe("rpc() calls match the SQL functions", () => {
  it("finds the rpc calls and declarations in the source", () => {
    const uses = findAllRpcUses(webRoot);
    // the foundation's register_as_client call exists; if this drops to zero the scanner is broken
    expect(uses.filter((u) => u.kind === "call").length).toBeGreaterThan(0);
    expect(uses.filter((u) => u.kind === "declaration").length).toBeGreaterThan(0);
  });

  it("calls and declares only existing, unambiguous functions with their exact parameter names", async () => {
    const problems = await checkRpcUses(testPool(), findAllRpcUses(webRoot));
    expect(problems, `rpc uses that do not match the catalog:\n  ${problems.join("\n  ")}`).toEqual([]);
  });

  it("reports a misspelled argument, a missing required argument and an unknown function", async () => {
    const snippet = `
      import { rpc, rpcOne } from "@/lib/db/rpc";
      import * as dbm from "@/lib/db";
      export async function f(db: Db) {
        await rpc(db, "register_as_client", { p_clinic_slugg: "demo" });
        await rpcOne(db, "register_as_client", { p_full_name: "x" });
        await dbm.rpc(db, "no_such_function_here", {});
        const p_clinic_slug = "demo";
        await rpc(db, "register_as_client", { p_clinic_slug });
      }`;
    const uses = findRpcUses("snippet.ts", snippet);
    expect(uses.map((u) => u.name)).toEqual([
      "register_as_client",
      "register_as_client",
      "no_such_function_here",
      "register_as_client",
    ]);
    expect(uses[3]?.args).toEqual(["p_clinic_slug"]);
    const problems = await checkRpcUses(testPool(), uses);
    expect(problems).toHaveLength(4);
    expect(problems[0]).toMatch(
      /snippet\.ts:5 call register_as_client: public\.register_as_client\(.*\) has no parameter p_clinic_slugg/,
    );
    expect(problems[1]).toMatch(/snippet\.ts:5 call register_as_client: .* needs p_clinic_slug/);
    expect(problems[2]).toMatch(/snippet\.ts:6 call register_as_client: .* needs p_clinic_slug/);
    expect(problems[3]).toMatch(/snippet\.ts:7 call no_such_function_here: no function public\.no_such_function_here/);
  });

  it("rejects calls it cannot check: a variable name, a non-literal argument object, a spread", async () => {
    const snippet = `
      const name = "register_as_client";
      await rpc(db, name, { p_clinic_slug: "x" });
      await rpc(db, "register_as_client", args);
      await rpc(db, "register_as_client", { ...args });`;
    const problems = await checkRpcUses(testPool(), findRpcUses("snippet.ts", snippet));
    expect(problems).toEqual([
      "snippet.ts:3 call ?: the function name is not a string literal",
      "snippet.ts:4 call register_as_client: the arguments are not an object literal",
      "snippet.ts:5 call register_as_client: argument ...args is not a plain property (no spreads or computed keys)",
    ]);
  });

  it("reports a declaration that marks a parameter without default as optional, and an ambiguous overload", async () => {
    const snippet = `
      declare module "@/lib/db/rpc" {
        interface RpcFunctions {
          register_as_client: { args: { p_clinic_slug?: string }; returns: unknown };
          guard_probe_overloaded: { args: { p_a: number }; returns: unknown };
        }
      }`;
    const client = await testPool().connect();
    try {
      await client.query("begin");
      await client.query(
        "create function public.guard_probe_overloaded(p_a int) returns int language sql as 'select 1'",
      );
      await client.query(
        "create function public.guard_probe_overloaded(p_a text) returns int language sql as 'select 2'",
      );
      const problems = await checkRpcUses(client, findRpcUses("decl.ts", snippet));
      expect(problems).toHaveLength(2);
      expect(problems[0]).toMatch(
        /decl\.ts:4 declaration register_as_client: p_clinic_slug declared optional but .* has no default/,
      );
      expect(problems[1]).toMatch(
        /decl\.ts:5 declaration guard_probe_overloaded: public\.guard_probe_overloaded has 2 overloads/,
      );
    } finally {
      await client.query("rollback");
      client.release();
    }
  });
});

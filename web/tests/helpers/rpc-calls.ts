// Finds every rpc()/rpcOne() call and every RpcFunctions declaration in the source (TypeScript compiler
// API), and checks them against the migrated catalog: the old platform called SQL functions with
// parameters that did not exist, and a cron died on an ambiguous overload.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import type { Queryable } from "./catalog-checks";

export interface RpcUse {
  /** file:line, for failure messages */
  where: string;
  kind: "call" | "declaration";
  name?: string;
  /** argument names given (calls) or declared (declarations) */
  args?: string[];
  /** declarations only: keys declared without `?` */
  requiredArgs?: string[];
  /** set when the use cannot be checked statically */
  problem?: string;
}

const RPC_CALLEES = new Set(["rpc", "rpcOne"]);
const SKIP_DIRS = new Set(["node_modules"]);

/** Every .ts/.tsx file under root, without node_modules, build output (.next*) or test helpers. */
export function listSourceFiles(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (SKIP_DIRS.has(entry.name) || entry.name.startsWith(".next") || entry.name.startsWith(".")) continue;
        if (path.relative(root, full) === path.join("tests", "helpers")) continue;
        walk(full);
      } else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith(".d.ts")) {
        out.push(full);
      }
    }
  };
  walk(root);
  return out.sort();
}

function calleeName(expr: ts.Expression): string | undefined {
  if (ts.isIdentifier(expr)) return expr.text;
  if (ts.isPropertyAccessExpression(expr)) return expr.name.text;
  return undefined;
}

function propertyName(name: ts.PropertyName): string | undefined {
  if (
    ts.isIdentifier(name) ||
    ts.isStringLiteral(name) ||
    ts.isNoSubstitutionTemplateLiteral(name) ||
    ts.isNumericLiteral(name)
  )
    return name.text;
  return undefined;
}

function stringLiteral(node: ts.Node | undefined): string | undefined {
  if (node && (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node))) return node.text;
  return undefined;
}

function callUse(call: ts.CallExpression, where: string): RpcUse {
  const [, nameArg, argsArg] = call.arguments;
  const name = stringLiteral(nameArg);
  if (name === undefined) return { where, kind: "call", problem: "the function name is not a string literal" };
  if (call.arguments.length !== 3)
    return { where, kind: "call", name, problem: 'expected rpc(db, "name", { ...args })' };
  if (!argsArg || !ts.isObjectLiteralExpression(argsArg))
    return { where, kind: "call", name, problem: "the arguments are not an object literal" };
  const args: string[] = [];
  for (const prop of argsArg.properties) {
    if (ts.isShorthandPropertyAssignment(prop)) args.push(prop.name.text);
    else if (ts.isPropertyAssignment(prop) && propertyName(prop.name) !== undefined)
      args.push(propertyName(prop.name) as string);
    else
      return {
        where,
        kind: "call",
        name,
        problem: `argument ${prop.getText()} is not a plain property (no spreads or computed keys)`,
      };
  }
  return { where, kind: "call", name, args };
}

function declarationUses(iface: ts.InterfaceDeclaration, sf: ts.SourceFile, file: string): RpcUse[] {
  const uses: RpcUse[] = [];
  for (const member of iface.members) {
    const where = `${file}:${sf.getLineAndCharacterOfPosition(member.getStart(sf)).line + 1}`;
    const name = ts.isPropertySignature(member) ? propertyName(member.name) : undefined;
    if (!name || !ts.isPropertySignature(member) || !member.type || !ts.isTypeLiteralNode(member.type)) {
      uses.push({
        where,
        kind: "declaration",
        name,
        problem: "declare RpcFunctions entries as name: { args: {...}; returns: ... }",
      });
      continue;
    }
    const argsMember = member.type.members.find((m) => ts.isPropertySignature(m) && propertyName(m.name) === "args");
    if (
      !argsMember ||
      !ts.isPropertySignature(argsMember) ||
      !argsMember.type ||
      !ts.isTypeLiteralNode(argsMember.type)
    ) {
      uses.push({
        where,
        kind: "declaration",
        name,
        problem: "args must be an inline object type listing the SQL parameter names",
      });
      continue;
    }
    const args: string[] = [];
    const requiredArgs: string[] = [];
    for (const a of argsMember.type.members) {
      const key = ts.isPropertySignature(a) ? propertyName(a.name) : undefined;
      if (!key || !ts.isPropertySignature(a)) {
        uses.push({
          where,
          kind: "declaration",
          name,
          problem: `args member ${a.getText(sf)} is not a plain property`,
        });
        continue;
      }
      args.push(key);
      if (!a.questionToken) requiredArgs.push(key);
    }
    uses.push({ where, kind: "declaration", name, args, requiredArgs });
  }
  return uses;
}

/** rpc()/rpcOne() calls and RpcFunctions declarations in one source text. */
export function findRpcUses(file: string, text: string): RpcUse[] {
  const sf = ts.createSourceFile(
    file,
    text,
    ts.ScriptTarget.Latest,
    true,
    file.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );
  const uses: RpcUse[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node)) {
      const callee = calleeName(node.expression);
      if (callee && RPC_CALLEES.has(callee)) {
        uses.push(callUse(node, `${file}:${sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1}`));
      }
    }
    if (ts.isInterfaceDeclaration(node) && node.name.text === "RpcFunctions") {
      uses.push(...declarationUses(node, sf, file));
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return uses;
}

/** Every use in the app's source; the rpc() implementation itself forwards a variable name and is skipped. */
export function findAllRpcUses(webRoot: string): RpcUse[] {
  const self = path.join(webRoot, "lib", "db", "rpc.ts");
  return listSourceFiles(webRoot)
    .filter((f) => f !== self)
    .flatMap((f) => findRpcUses(path.relative(webRoot, f), readFileSync(f, "utf8")));
}

interface Overload {
  signature: string;
  inputs: string[];
  required: string[];
}

async function publicOverloads(db: Queryable, name: string): Promise<Overload[]> {
  const { rows } = await db.query<{
    signature: string;
    names: string[] | null;
    modes: string[] | null;
    nargs: number;
    ndefaults: number;
  }>(
    `select format('public.%I(%s)', p.proname, pg_catalog.pg_get_function_identity_arguments(p.oid)) as signature,
            p.proargnames as names, p.proargmodes::text[] as modes, p.pronargs as nargs, p.pronargdefaults as ndefaults
       from pg_catalog.pg_proc p join pg_catalog.pg_namespace n on n.oid = p.pronamespace
      where n.nspname = 'public' and p.proname = $1`,
    [name],
  );
  return rows.map((r) => {
    // proargnames/proargmodes cover all arguments (OUT and TABLE too) when modes is set; inputs are i, b, v
    const all = r.names ?? [];
    const inputs = r.modes
      ? all.filter((_, i) => ["i", "b", "v"].includes(r.modes?.[i] ?? "i"))
      : all.slice(0, r.nargs);
    const required = inputs.slice(0, Math.max(0, r.nargs - r.ndefaults));
    return { signature: r.signature, inputs, required };
  });
}

/** The problems found, one line each (empty = every use matches the catalog). */
export async function checkRpcUses(db: Queryable, uses: RpcUse[]): Promise<string[]> {
  const problems: string[] = [];
  const cache = new Map<string, Overload[]>();
  for (const use of uses) {
    const label = `${use.where} ${use.kind} ${use.name ?? "?"}`;
    if (use.problem || !use.name || !use.args) {
      problems.push(`${label}: ${use.problem ?? "cannot be checked"}`);
      continue;
    }
    let overloads = cache.get(use.name);
    if (!overloads) {
      overloads = await publicOverloads(db, use.name);
      cache.set(use.name, overloads);
    }
    if (overloads.length === 0) {
      problems.push(`${label}: no function public.${use.name} in the migrated database`);
      continue;
    }
    if (overloads.length > 1) {
      problems.push(
        `${label}: public.${use.name} has ${overloads.length} overloads (${overloads.map((o) => o.signature).join("; ")}); drop the old one`,
      );
      continue;
    }
    const fn = overloads[0] as Overload;
    const given = new Set(use.args);
    const unknown = use.args.filter((a) => !fn.inputs.includes(a));
    const declaredRequired = new Set(use.kind === "declaration" ? use.requiredArgs : use.args);
    const missing = fn.required.filter((a) => !given.has(a));
    const optionalButRequired =
      use.kind === "declaration" ? fn.required.filter((a) => given.has(a) && !declaredRequired.has(a)) : [];
    if (unknown.length) problems.push(`${label}: ${fn.signature} has no parameter ${unknown.join(", ")}`);
    if (missing.length) problems.push(`${label}: ${fn.signature} needs ${missing.join(", ")} (no default)`);
    if (optionalButRequired.length)
      problems.push(
        `${label}: ${optionalButRequired.join(", ")} declared optional but ${fn.signature} has no default for it`,
      );
  }
  return problems;
}

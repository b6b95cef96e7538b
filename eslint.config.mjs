import js from "@eslint/js";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";
import path from "node:path";

const webDir = path.resolve(import.meta.dirname, "web");
const appDir = path.join(webDir, "app");
const sharedDir = path.join(appDir, "_components");
const inside = (dir, file) => file === dir || file.startsWith(dir + path.sep);

// Inside web/app, a route's _components/ folder is private to that route and the routes below it, and no
// route imports from a sibling route's folder (a parent may use a child's server action). UI that two routes
// share lives in web/app/_components, logic and formatting in web/lib: otherwise one page's private widget
// quietly becomes everyone's. Tests may import route handlers.
const routePrivateImports = {
  meta: {
    type: "problem",
    messages: {
      foreign:
        "'{{source}}' is private to the route folder '{{owner}}'. Move what is shared to web/app/_components (UI) or web/lib (logic).",
    },
    schema: [],
  },
  create(context) {
    const importer = context.filename;
    function check(node) {
      const source = node.source && node.source.value;
      if (typeof source !== "string") return;
      let target;
      if (source.startsWith("@/")) target = path.join(webDir, source.slice(2));
      else if (source.startsWith(".")) target = path.resolve(path.dirname(importer), source);
      else return;
      if (!inside(appDir, importer) || !inside(appDir, target) || inside(sharedDir, target)) return;
      // the route that owns the target: the folder holding it, above any _components segment
      const parts = path.relative(appDir, path.dirname(target)).split(path.sep);
      const cut = parts.indexOf("_components");
      const owner = path.join(appDir, ...(cut === -1 ? parts : parts.slice(0, cut)));
      const from = path.dirname(importer);
      if (inside(owner, from) || (cut === -1 && inside(from, owner))) return;
      context.report({
        node: node.source,
        messageId: "foreign",
        data: { source, owner: path.relative(webDir, owner) },
      });
    }
    return {
      ImportDeclaration: check,
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
      ImportExpression: check,
    };
  },
};

export default tseslint.config(
  {
    ignores: [
      "web/.next*/**",
      "test-results/**",
      "playwright-report/**",
      "node_modules/**",
      "web/next-env.d.ts",
      "**/*.mjs",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["web/**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks, vete: { rules: { "route-private-imports": routePrivateImports } } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      "vete/route-private-imports": "error",
      // Prettier wraps code at 120; comments must fit too. Strings (SQL, class lists, test names) are data.
      "max-len": [
        "error",
        { code: 120, ignoreStrings: true, ignoreTemplateLiterals: true, ignoreUrls: true, ignoreRegExpLiterals: true },
      ],
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-console": "off",
      // Errors are told apart by stable codes (AppError.code, SQLSTATE, constraint names), never by their
      // English text, which changes with wording, language and server version.
      "no-restricted-syntax": [
        "error",
        {
          selector:
            "CallExpression[callee.property.name=/^(includes|startsWith|endsWith|match|search|indexOf)$/][callee.object.property.name=/^(message|detail)$/]",
          message: "Do not decide by an error's text; compare its code, SQLSTATE or constraint name.",
        },
        {
          selector: "CallExpression[callee.property.name='test'][arguments.0.property.name=/^(message|detail)$/]",
          message: "Do not decide by an error's text; compare its code, SQLSTATE or constraint name.",
        },
      ],
    },
  },
  {
    // Domain code (use-cases, rules, queries) must not depend on the HTTP layer: routes call the domain,
    // never the other way round. Validation lives in lib/validation, errors in lib/errors.
    files: ["web/lib/**/*.{ts,tsx}"],
    ignores: ["web/lib/http/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@/lib/http", "@/lib/http/*", "**/http/*", "../http"],
              message: "Domain code must not import lib/http; use lib/validation or lib/errors.",
            },
          ],
        },
      ],
    },
  },
);

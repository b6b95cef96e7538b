import js from "@eslint/js";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";

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
    plugins: { "react-hooks": reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-console": "off",
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

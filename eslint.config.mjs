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

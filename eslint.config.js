// Lint: the recommended JS and typescript-eslint rules, plus the few that keep files small and intent visible.
import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["dist/**", "node_modules/**", "rasd-data/**", "artifacts/**", "sample/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.ts"],
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": "error",
      "no-constant-condition": ["error", { checkLoops: false }],
      "max-lines": ["warn", { max: 500, skipBlankLines: true, skipComments: true }],
      eqeqeq: ["error", "smart"],
    },
  },
);

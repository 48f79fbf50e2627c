import js from "@eslint/js";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";

export default tseslint.config(
  {
    ignores: [
      "node_modules/",
      ".tools/",
      "build/",
      "app/types/",
      "prisma/migrations/",
      "test-results/",
      ".data/",
      // What `shopify app build` writes beside each UI extension.
      "extensions/*/dist/",
      "extensions/*/shopify.d.ts",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-console": ["error", { allow: ["error", "warn", "log"] }],
    },
  },
  // dependency-cruiser reads its configuration as CommonJS.
  { files: ["*.cjs"], languageOptions: { sourceType: "commonjs", globals: { module: "writable" } } },
  {
    files: ["simulator/public/**/*.js", "extensions/**/*.js"],
    languageOptions: {
      globals: {
        window: "readonly",
        document: "readonly",
        location: "readonly",
        history: "readonly",
        fetch: "readonly",
        URL: "readonly",
        URLSearchParams: "readonly",
        Headers: "readonly",
        Request: "readonly",
        Event: "readonly",
        CustomEvent: "readonly",
        HTMLElement: "readonly",
        MutationObserver: "readonly",
        customElements: "readonly",
        setTimeout: "readonly",
        setInterval: "readonly",
        clearTimeout: "readonly",
        console: "readonly",
        Promise: "readonly",
        FormData: "readonly",
        Intl: "readonly",
      },
    },
  },
);

import js from "@eslint/js";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

const noNewIntl = {
  selector: "NewExpression[callee.object.name='Intl']",
  message: "Use the cached formatters of app/utils/intl.ts (or the date helpers of app/utils/dates.ts).",
};

export default tseslint.config(
  {
    ignores: [
      "build/",
      "public/build/",
      "public/sw.js",
      "public/offline-page.js",
      "node_modules/",
      ".cache/",
      ".tmp/",
      "data/",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { "react-hooks": reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" },
      ],
      "@typescript-eslint/no-explicit-any": "off",
      "no-console": "off",
    },
  },
  {
    // Intl objects are costly to build and dates must read the same everywhere: one module builds them.
    files: ["**/*.{ts,tsx,js}"],
    ignores: ["app/utils/intl.ts"],
    rules: {
      "no-restricted-syntax": ["error", noNewIntl],
    },
  },
  {
    // Models take the handle as their first parameter (the caller's db or transaction), and every
    // transaction that writes takes the write lock first (docs/decisions/002).
    files: ["app/models/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["**/db.server"],
              importNames: ["getDb"],
              message: "A model takes db as its first parameter; only routes, guards and services call getDb().",
            },
          ],
        },
      ],
      "no-restricted-syntax": [
        "error",
        noNewIntl,
        {
          selector: "CallExpression[callee.property.name='transaction']",
          message: "Use writeTransaction(db, fn) from app/utils/db.server.ts (decision 002).",
        },
      ],
    },
  },
  {
    // app/utils holds utilities: nothing there reads or writes the database through a model.
    files: ["app/utils/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["**/models/*"],
              allowTypeImports: true,
              message:
                "app/utils holds utilities only: code that calls models belongs in app/models, app/auth, app/mail, app/reports, app/downloads or app/forms.",
            },
          ],
        },
      ],
    },
  },
  {
    // Routes stay thin: every query and transaction lives in a model (docs/decisions/002). A route may
    // take the handle with getDb() and pass it on, nothing more.
    files: ["app/routes/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["kysely", "kysely/*", "better-sqlite3", "pg"],
              message: "No queries in routes: add a function to app/models/ and call it.",
            },
            {
              group: ["**/db.server"],
              allowImportNames: ["getDb", "DB"],
              message:
                "Routes only take the handle (getDb) and pass it to a model; transactions and queries live in app/models/.",
            },
          ],
        },
      ],
      "no-restricted-syntax": [
        "error",
        noNewIntl,
        {
          selector:
            "CallExpression[callee.property.name=/^(selectFrom|insertInto|replaceInto|updateTable|deleteFrom|mergeInto|selectNoFrom|transaction|connection|executeQuery)$/]",
          message: "No queries or transactions in routes: add a function to app/models/ and call it.",
        },
      ],
    },
  },
);

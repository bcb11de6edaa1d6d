import type { Locale } from "../../db/schema";
import { numberFormat, pluralRules } from "../utils/intl";

/** A message is a string with {placeholders}, or plural forms chosen by Intl.PluralRules. */
export type Message = string | { one?: string; other: string; zero?: string };
export interface MessageTree {
  [key: string]: Message | MessageTree;
}

type Join<K, P> = K extends string ? (P extends string ? `${K}.${P}` : never) : never;
/** Every dotted key of a message tree whose value is a message. */
export type KeyOf<T> = {
  [K in keyof T & string]: T[K] extends string | { other: string } ? K : Join<K, KeyOf<T[K]>>;
}[keyof T & string];

/** Every dotted path of a message tree: namespaces, subtrees and messages. */
export type PathOf<T> = {
  [K in keyof T & string]: T[K] extends string | { other: string } ? K : K | Join<K, PathOf<T[K]>>;
}[keyof T & string];

export type Vars = Record<string, string | number>;
export type Translate<Key extends string = string> = (key: Key, vars?: Vars) => string;

function lookup(tree: MessageTree, key: string): Message | undefined {
  let node: Message | MessageTree | undefined = tree;
  for (const part of key.split(".")) {
    if (node == null || typeof node === "string") return undefined;
    node = (node as MessageTree)[part];
  }
  if (node == null) return undefined;
  if (typeof node === "string" || typeof (node as { other?: unknown }).other === "string") return node as Message;
  return undefined;
}

export function interpolate(template: string, locale: Locale, vars: Vars = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = vars[name];
    if (value === undefined) return whole;
    return typeof value === "number" ? numberFormat(locale).format(value) : value;
  });
}

// Components call useI18n on every render: build each translator once per message set, since
// Intl.PluralRules and NumberFormat are costly to create (they showed in the server's profile).
const translators = new WeakMap<MessageTree, Partial<Record<Locale, Translate>>>();

/** Builds `t` for one locale (once per message set). A missing key shows the key itself, so it is visible in tests and review. */
export function createTranslator(locale: Locale, messages: MessageTree): Translate {
  const known = translators.get(messages) ?? {};
  const existing = known[locale];
  if (existing) return existing;
  const translate = buildTranslator(locale, messages);
  translators.set(messages, { ...known, [locale]: translate });
  return translate;
}

function buildTranslator(locale: Locale, messages: MessageTree): Translate {
  const plurals = pluralRules(locale);
  return (key, vars) => {
    const message = lookup(messages, key);
    if (message === undefined) return key;
    if (typeof message === "string") return interpolate(message, locale, vars);
    const count = Number(vars?.count ?? 0);
    const form =
      count === 0 && message.zero ? message.zero : (message[plurals.select(count) as "one" | "other"] ?? message.other);
    return interpolate(form, locale, vars);
  };
}

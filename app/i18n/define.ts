import type { MessageTree } from "./translate";

/** Keeps each namespace's Spanish and English side by side; the type makes English complete. */
export function defineMessages<T extends MessageTree>(messages: { es: T; en: NoInfer<T> }) {
  return messages;
}

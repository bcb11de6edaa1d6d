import type { Messages } from "./messages.server";
import type { KeyOf, Translate } from "./translate";

export type MessageKey = KeyOf<Messages>;
export type T = Translate<MessageKey>;
/** A message to show later, e.g. a field error returned by an action. */
export type Msg = { key: MessageKey; vars?: Record<string, string | number> };

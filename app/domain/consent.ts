/** Bump when the privacy notice text changes, so each consent records what the person read. */
export const CONSENT_NOTICE_VERSION = "2026-11-27";

/**
 * Server-side entry to the contact rules: routes import from here so that the
 * phone-number metadata (≈30 KB gzip) never reaches the browser.
 */
export { contactHint, normalizeEmail, normalizePhone, parseIdentifier } from "../domain/contact";

// Tests receive e-mail through a real SMTP server on loopback.
export { startMailCatcher, type MailCatcher } from "../../scripts/mail-catcher";

/** The programme's sender address (MAIL_FROM), used for e-mails and as calendar ORGANIZER. */
export function mailFrom(): string {
  return process.env.MAIL_FROM || "Minka <no-reply@minka.test>";
}

/** "Name <address>" or a bare address, as the ORGANIZER of an invitation. */
export function mailFromPerson(from = mailFrom()): { name?: string; email: string } {
  const match = /^\s*"?([^"<]*?)"?\s*<([^>]+)>\s*$/.exec(from);
  if (match) return { ...(match[1] ? { name: match[1] } : {}), email: match[2].trim() };
  return { email: from.trim() };
}

/** Long enough to resist guessing, short enough for people who write it down. */
export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 200;

/** Course topics and levels: plain lists the catalog filters use in the browser (no schema library). */
export const TOPICS = ["cooperativism", "finance", "sales", "sustainability"] as const;
export type Topic = (typeof TOPICS)[number];
export const LEVELS = ["beginner", "intermediate"] as const;

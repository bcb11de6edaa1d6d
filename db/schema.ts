import type { ColumnType, Generated, Insertable, Selectable, Updateable } from "kysely";

/**
 * Kysely's view of the database. Timestamps are ISO-8601 UTC strings and
 * booleans are 0/1 integers so that the same rows work on SQLite and PostgreSQL.
 */
export interface Database {
  person: PersonTable;
  account: AccountTable;
  session: SessionTable;
  course: CourseTable;
  lesson: LessonTable;
  content_problem: ContentProblemTable;
  enrolment: EnrolmentTable;
  lesson_completion: LessonCompletionTable;
  client_submission: ClientSubmissionTable;
  certificate: CertificateTable;
  workshop: WorkshopTable;
  workshop_facilitator: WorkshopFacilitatorTable;
  workshop_session: WorkshopSessionTable;
  registration: RegistrationTable;
  attendance_import: AttendanceImportTable;
  attendance_import_change: AttendanceImportChangeTable;
  attendance: AttendanceTable;
  checkin_token: CheckinTokenTable;
  attendance_upload: AttendanceUploadTable;
  enrolment_upload: EnrolmentUploadTable;
  roster_upload: RosterUploadTable;
  email_outbox: EmailOutboxTable;
  audit_log: AuditLogTable;
  password_reset: PasswordResetTable;
  access_card: AccessCardTable;
  sign_in_link: SignInLinkTable;
  person_distinct: PersonDistinctTable;
  reach_data_version: ReachDataVersionTable;
  reach_dirty_person: ReachDirtyPersonTable;
  reach_dirty_workshop: ReachDirtyWorkshopTable;
  reach_fy_workshop: ReachFyWorkshopTable;
  reach_fy_person: ReachFyPersonTable;
  rate_limit_window: RateLimitWindowTable;
  mail_preference: MailPreferenceTable;
  mail_opt_out_token: MailOptOutTokenTable;
}

export const SEXES = ["female", "male", "other", "not_stated"] as const;
export type Sex = (typeof SEXES)[number];

export const ROLES = ["member", "facilitator", "manager", "admin"] as const;
export type Role = (typeof ROLES)[number];

export const LOCALES = ["es", "en"] as const;
export type Locale = (typeof LOCALES)[number];

export type ConsentMethod = "self" | "staff";

type Timestamp = string;
type CreatedAt = ColumnType<Timestamp, Timestamp | undefined, never>;

export interface PersonTable {
  id: Generated<number>;
  full_name: string;
  /** `nameKey(full_name)`: accents, case and word order removed. Kept in step by the person model. */
  name_key: string;
  /** Lower-cased, trimmed. */
  email: string | null;
  /** E.164, e.g. +51987654321. */
  phone: string | null;
  sex: ColumnType<Sex, Sex | undefined, Sex>;
  birth_year: number | null;
  /** ISO 3166-1 alpha-2. */
  country: string | null;
  region: string | null;
  cooperative: string | null;
  preferred_language: ColumnType<Locale, Locale | undefined, Locale>;
  consent_given_at: Timestamp | null;
  consent_notice_version: string | null;
  consent_method: ConsentMethod | null;
  /** Account of the staff member who recorded a verbal consent. */
  consent_recorded_by: number | null;
  consent_withdrawn_at: Timestamp | null;
  /** Set when a deletion request was processed: personal fields are erased, the row stays for the counts. */
  erased_at: Timestamp | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface AccountTable {
  id: Generated<number>;
  person_id: number;
  /** Login identifiers: at least one of them is set; both are unique. */
  email: string | null;
  phone: string | null;
  password_hash: string;
  role: ColumnType<Role, Role | undefined, Role>;
  /** 1 when the account chose "Letra grande" (type at 125 %); 0 otherwise. */
  large_text: ColumnType<number, number | undefined, number>;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface SessionTable {
  id: string;
  /** Hex SHA-256 of the token's secret part; the secret itself is never stored. */
  secret_hash: string;
  account_id: number;
  created_at: Timestamp;
  last_verified_at: Timestamp;
  /** The access card this session was started with (QR or short code); revoking the card ends it. */
  access_card_id: ColumnType<number | null, number | null | undefined, number | null>;
}

/** 0 or 1: SQLite has no boolean type. */
type Flag = number;

export interface CourseTable {
  id: Generated<number>;
  slug: string;
  title: string;
  summary: Generated<string>;
  language: ColumnType<Locale, Locale | undefined, Locale>;
  topic: Generated<string>;
  level: Generated<string>;
  estimated_minutes: Generated<number>;
  published: Generated<Flag>;
  archived_at: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  /** Public path of the cover image, e.g. /course-files/<slug>/cover.svg. */
  cover_image: string | null;
  cover_alt: string | null;
  /** Hash of the course's content at the last successful build. */
  content_hash: string | null;
}

export type LessonKind = "text" | "video";

export interface LessonTable {
  id: Generated<number>;
  course_id: number;
  slug: string;
  title: string;
  summary: Generated<string>;
  kind: ColumnType<LessonKind, LessonKind | undefined, LessonKind>;
  duration_minutes: Generated<number>;
  required: Generated<Flag>;
  has_quiz: Generated<Flag>;
  position: number;
  /** Set when the lesson disappears from content: its history stays. */
  archived_at: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  content_hash: string | null;
  /** mdx-bundler output, compiled at build time; requests only evaluate it. */
  code: string | null;
  /** JSON `LessonVideo` (app/content/schema.ts) for video lessons. */
  video: string | null;
  /** JSON `QuizQuestion[]` when the lesson has a self-check. */
  quiz: string | null;
  /** Plain text of the lesson, for search. */
  body_text: Generated<string>;
}

/** A problem found in content by the last build; the course keeps its last good version. */
export interface ContentProblemTable {
  id: Generated<number>;
  course_slug: string;
  file: string;
  line: number;
  col: number;
  message: string;
  found_at: Timestamp;
}

export type EnrolmentMethod = "self" | "staff" | "import";

export interface EnrolmentTable {
  id: Generated<number>;
  person_id: number;
  course_id: number;
  method: EnrolmentMethod;
  enrolled_by: number | null;
  enrolled_at: Timestamp;
  left_at: Timestamp | null;
  /** The moment the last required lesson was completed (same transaction). */
  completed_at: Timestamp | null;
  /** Local dates (America/Lima) of `enrolled_at` / `completed_at`, kept in step by the reach model. */
  enrolled_local_date: ColumnType<string | null, string | null | undefined, string | null>;
  completed_local_date: ColumnType<string | null, string | null | undefined, string | null>;
  local_dates_key: ColumnType<string | null, string | null | undefined, string | null>;
}

export type CompletionMethod = "manual" | "video" | "quiz";

/** What a client id was sent for (docs/decisions/037). */
export type ClientSubmissionKind = "completion" | "quiz";

/** A completion or quiz answer the browser sent with its own id: accepted once per account. */
export interface ClientSubmissionTable {
  id: Generated<number>;
  account_id: number;
  client_id: string;
  kind: ClientSubmissionKind;
  lesson_id: number;
  /** What the first submission answered (JSON), repeated to a second one; null only inside its transaction. */
  answer: string | null;
  created_at: Timestamp;
}

export interface LessonCompletionTable {
  id: Generated<number>;
  person_id: number;
  lesson_id: number;
  method: CompletionMethod;
  completed_at: Timestamp;
}

export interface CertificateTable {
  id: Generated<number>;
  person_id: number;
  course_id: number;
  code: string;
  /** Snapshots at issue time, so the certificate reads the same later. */
  full_name: string;
  course_title: string;
  hours: number;
  completed_at: Timestamp;
  issued_at: Timestamp;
}

export type Modality = "online" | "in_person" | "hybrid";
export type WorkshopStatus = "draft" | "published" | "cancelled";

export interface WorkshopTable {
  id: Generated<number>;
  title: string;
  description: Generated<string>;
  course_id: number | null;
  modality: Modality;
  place: string | null;
  join_url: string | null;
  country: string | null;
  region: string | null;
  /** IANA zone in which the sessions' local dates and times are meant. */
  timezone: Generated<string>;
  capacity: number | null;
  registration_opens_at: Timestamp | null;
  registration_closes_at: Timestamp | null;
  status: ColumnType<WorkshopStatus, WorkshopStatus | undefined, WorkshopStatus>;
  /** Minutes online that count as attending a session. */
  attendance_min_minutes: Generated<number>;
  created_by: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface WorkshopFacilitatorTable {
  workshop_id: number;
  account_id: number;
}

export interface WorkshopSessionTable {
  id: Generated<number>;
  workshop_id: number;
  starts_at: Timestamp;
  ends_at: Timestamp;
  /** YYYY-MM-DD of `starts_at` in the workshop's time zone; kept in step by the reach model (local-dates.server.ts). */
  local_date: ColumnType<string | null, string | null | undefined, string | null>;
  /** The `starts_at` and time zone `local_date` was computed from; a mismatch means "recompute". */
  local_date_key: ColumnType<string | null, string | null | undefined, string | null>;
  /** RFC 5545 SEQUENCE: raised on every change of the session's time or its workshop's place, link or status. */
  calendar_sequence: Generated<number>;
  /** When that last change was made (LAST-MODIFIED); null for sessions never changed since the column came. */
  calendar_changed_at: ColumnType<string | null, string | null | undefined, string | null>;
}

export type RegistrationStatus = "registered" | "waitlisted" | "cancelled";
export type RegistrationMethod = "self" | "staff" | "walk_in" | "import";

export interface RegistrationTable {
  id: Generated<number>;
  workshop_id: number;
  person_id: number;
  status: RegistrationStatus;
  method: RegistrationMethod;
  registered_by: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  promoted_at: Timestamp | null;
  cancelled_at: Timestamp | null;
  /** Calendar cancellations (METHOD:CANCEL) sent to this person for this workshop: raises SEQUENCE (decision 038). */
  calendar_cancellations: Generated<number>;
}

export interface AttendanceImportTable {
  id: Generated<number>;
  session_id: number;
  file_hash: string;
  file_name: string;
  format: string;
  rows_total: number;
  rows_matched: number;
  rows_ignored: number;
  imported_by: number | null;
  imported_at: Timestamp;
  /** The report's meeting (platform, meeting id, start), when the format names it (docs/decisions/022). */
  meeting_key: string | null;
  /** SHA-256 of the merged participant set, whatever the file's bytes; null for imports made before it existed. */
  participants_hash: string | null;
  /** JSON: the person decided for each participant, keyed by hashed participant keys (no names or contacts). */
  decisions: Generated<string>;
  undone_at: Timestamp | null;
  undone_by: number | null;
}

/** One attendance row an import touched: its values before the import and the ones the import left. */
export interface AttendanceImportChangeTable {
  id: Generated<number>;
  import_id: number;
  session_id: number;
  person_id: number;
  /** 1 when the row was there before the import (then `before_*` are its values), 0 when the import created it. */
  existed: number;
  before_status: AttendanceStatus | null;
  before_minutes: number | null;
  before_source: AttendanceSource | null;
  before_import_id: number | null;
  before_recorded_by: number | null;
  before_recorded_at: Timestamp | null;
  after_status: AttendanceStatus | null;
  after_minutes: number | null;
}

export type AttendanceStatus = "present" | "late" | "excused" | "absent";
/** Who made the mark: staff at the roll call, an imported report, or the member scanning the session's poster. */
export type AttendanceSource = "roll_call" | "import" | "qr";

/** A token printed on a session's check-in poster, kept only as its SHA-256 (docs/decisions/032). */
export interface CheckinTokenTable {
  id: Generated<number>;
  session_id: number;
  token_hash: string;
  created_by: number | null;
  created_at: Timestamp;
}
/** What a hand correction can say (docs/decisions/023). */
export type CorrectedStatus = "present" | "absent";

export interface AttendanceTable {
  id: Generated<number>;
  session_id: number;
  person_id: number;
  status: AttendanceStatus | null;
  minutes_online: number | null;
  source: AttendanceSource;
  import_id: number | null;
  recorded_by: number | null;
  recorded_at: Timestamp;
  /** A hand correction (docs/decisions/023): wins over `status` and the minutes; null = none. */
  corrected_status: ColumnType<CorrectedStatus | null, CorrectedStatus | null | undefined, CorrectedStatus | null>;
  /** Minutes online set by hand; count instead of `minutes_online` (which keeps what the import said). */
  corrected_minutes: ColumnType<number | null, number | null | undefined, number | null>;
  corrected_by: ColumnType<number | null, number | null | undefined, number | null>;
  corrected_at: ColumnType<Timestamp | null, Timestamp | null | undefined, Timestamp | null>;
  correction_reason: ColumnType<string | null, string | null | undefined, string | null>;
}

/** A parsed report awaiting the facilitator's review; deleted when confirmed. */
export interface AttendanceUploadTable {
  id: Generated<number>;
  session_id: number;
  file_hash: string;
  file_name: string;
  format: string;
  /** JSON (see app/models/attendance-upload.server.ts). */
  payload: string;
  uploaded_by: number | null;
  created_at: Timestamp;
}

export interface EnrolmentUploadTable {
  id: Generated<number>;
  file_hash: string;
  file_name: string;
  /** The decoded CSV (see app/models/enrolment-import.server.ts). */
  text: string;
  uploaded_by: number;
  created_at: Timestamp;
}

export interface RosterUploadTable {
  id: Generated<number>;
  file_hash: string;
  file_name: string;
  /** The rows read from the file, as JSON (see app/models/roster-import.server.ts). */
  records: string;
  /** The workshop to register everyone to; null: only add them to the ledger. */
  workshop_id: number | null;
  consent_for_all: ColumnType<number, number | undefined, number>;
  uploaded_by: number;
  created_at: Timestamp;
}

export interface EmailOutboxTable {
  id: Generated<number>;
  to_address: string;
  subject: string;
  text_body: string;
  html_body: string | null;
  ics: string | null;
  kind: string;
  dedupe_key: string | null;
  status: ColumnType<
    "pending" | "sent" | "failed",
    "pending" | "sent" | "failed" | undefined,
    "pending" | "sent" | "failed"
  >;
  attempts: Generated<number>;
  last_error: string | null;
  next_attempt_at: Timestamp;
  created_at: Timestamp;
  sent_at: Timestamp | null;
  /** What the mail is about, so staff see undelivered mail on the workshop's page. */
  workshop_id: ColumnType<number | null, number | null | undefined, number | null>;
  person_id: ColumnType<number | null, number | null | undefined, number | null>;
  /** A reminder's one-click opt-out link (RFC 8058), sent as `List-Unsubscribe`. */
  list_unsubscribe: ColumnType<string | null, string | null | undefined, string | null>;
}

/** A person who turned reminder e-mails off (no row: reminders on). */
export interface MailPreferenceTable {
  person_id: number;
  reminders_off_at: Timestamp;
}

/** The SHA-256 of a link that turns one person's reminders off, sent in their reminders. */
export interface MailOptOutTokenTable {
  token_hash: string;
  person_id: number;
  created_at: Timestamp;
}

export interface AuditLogTable {
  id: Generated<number>;
  actor_account_id: number | null;
  action: string;
  subject_type: string;
  subject_id: number | null;
  /** JSON. */
  details: Generated<string>;
  created_at: Timestamp;
}

export interface PasswordResetTable {
  id: Generated<number>;
  account_id: number;
  secret_hash: string;
  kind: "email" | "staff_code";
  issued_by: number | null;
  created_at: Timestamp;
  expires_at: Timestamp;
  used_at: Timestamp | null;
  attempts: Generated<number>;
}

/** Two persons a manager judged to be different people (person_a < person_b). */
export interface PersonDistinctTable {
  person_a: number;
  person_b: number;
  decided_by: number | null;
  decided_at: Timestamp;
}

/** One row (id 1): moves on every change to what the reach report reads (SQLite triggers; docs/decisions/017). */
export interface ReachDataVersionTable {
  id: number;
  version: number | string;
}

/** People and workshops whose reach facts are stale; filled by SQLite triggers (docs/decisions/025). */
export interface ReachDirtyPersonTable {
  person_id: number;
  /** The fiscal year whose facts are stale; 0 for every year. */
  fy: number;
}

export interface ReachDirtyWorkshopTable {
  workshop_id: number;
  /** 1 when whether its attendees attended it may have changed too (not only its figures). */
  people: Flag;
}

/** A workshop's figures in one fiscal year, kept by app/models/reach-facts.server.ts. */
export interface ReachFyWorkshopTable {
  fy: number;
  workshop_id: number;
  first_date: string;
  last_date: string;
  sessions: number;
  attended: number;
  walk_ins: number;
  registered: number;
  no_shows: number;
  below_minimum: number;
}

/** A person reached in one fiscal year, with what the disaggregations read (with and without counting enrolments). */
export interface ReachFyPersonTable {
  fy: number;
  with_enrolments: Flag;
  person_id: number;
  first_date: string;
  month: string;
  sex: Sex;
  age_band: string;
  no_birth_year: Flag;
  modality_group: string;
  country: string | null;
  region: string | null;
  cooperative: string | null;
}

export type Person = Selectable<PersonTable>;
export type NewPerson = Insertable<PersonTable>;
export type PersonUpdate = Updateable<PersonTable>;
export type Account = Selectable<AccountTable>;
export type Session = Selectable<SessionTable>;

/** A fixed rate-limit window shared by every server process (app/models/rate-limit.server.ts). */
export interface RateLimitWindowTable {
  name: string;
  key: string;
  count: number;
  /** Milliseconds since 1970; a string from pg (bigint). */
  reset_at: ColumnType<number | string, number, number>;
}

/** A printed access card of a member's account (docs/decisions/031): only hashes of its token and short code. */
export interface AccessCardTable {
  id: Generated<number>;
  account_id: number;
  token_hash: string;
  code_hash: string;
  issued_by: number | null;
  created_at: Timestamp;
  last_used_at: Timestamp | null;
  revoked_at: Timestamp | null;
  revoked_by: number | null;
}

/** A single-use sign-in link e-mailed to a member, valid 15 minutes; only the token's hash is stored. */
export interface SignInLinkTable {
  id: Generated<number>;
  account_id: number;
  token_hash: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  used_at: Timestamp | null;
}

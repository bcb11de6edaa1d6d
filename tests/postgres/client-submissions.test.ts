import { describe } from "vitest";
import { clientSubmissionCases } from "../support/client-submission-cases";

describe("completions and quiz answers sent with a client id (PostgreSQL)", clientSubmissionCases);

import { describe } from "vitest";
import { rateLimitCases } from "../support/rate-limit-cases";

describe("rate limits in the database (PostgreSQL)", rateLimitCases);

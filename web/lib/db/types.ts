import type { QueryResultRow } from "pg";

/** What a use-case receives as its first argument: a transaction-scoped query handle. */
export interface Db {
  query<R extends QueryResultRow = QueryResultRow>(
    text: string,
    params?: unknown[],
  ): Promise<{ rows: R[]; rowCount: number | null }>;
}

/** The signed-in person, as derived from the better-auth session (never from request input). */
export interface SessionUser {
  userId: string;
  email: string;
}

-- Why: private.enqueue_message is security definer, checks nothing, and was executable by `authenticated`:
-- any signed-in user could write an outbox row to any address with any template and payload, and the
-- platform would mail it from its own sender. Only functions that check their caller (booking, requests,
-- invitations, all security definer themselves) may write outbox rows; they run as the owner and need no
-- grant. Users keep no way to insert outbox rows (no insert grant on the table either).

revoke all on function private.enqueue_message(uuid, uuid, text, text, text, text, jsonb, text, jsonb) from public, anon, authenticated;
comment on function private.enqueue_message(uuid, uuid, text, text, text, text, jsonb, text, jsonb) is 'Writes one outbox row in the caller''s transaction; a repeated dedupe key is a no-op (returns null). Not executable by users: only security definer functions that check their caller call it.';

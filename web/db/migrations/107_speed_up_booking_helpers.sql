-- Why: the booking throughput target (at least half of a plain single-row INSERT, npm run bench appointments)
-- is missed at ~0.4. pg_stat_user_functions over the benchmark's bookings showed two shared helpers doing
-- needless work on every call:
-- * has_clinic_role called current_user_id once per membership row it scanned (now once, as an init plan);
--   every RLS policy that asks "is this staff of the clinic" benefits, with the same answers;
-- * ics_line ran its folding loop even for lines of 74 octets or fewer (now returned as they are; same output).
-- A faster book_appointment that rebuilt the outbox row inline was measured (+14% bookings/s) but not kept:
-- it duplicated private.enqueue_appointment_message's payload and .ics, which reschedule and cancel still
-- use, and two copies of one message would drift. What remains is mostly the slot check and the two inserts.

create or replace function private.ics_line(p_name text, p_value text) returns text
language plpgsql immutable
set search_path = ''
as $$
declare
  v_text text := p_name || ':' || replace(replace(replace(replace(replace(coalesce(p_value, ''),
    '\', '\\'), ';', '\;'), ',', '\,'), E'\r', ''), E'\n', '\n');
  v_out text := '';
  v_line text := '';
  v_char text;
begin
  if octet_length(v_text) <= 74 then
    return v_text; -- the loop below would never fold it
  end if;
  foreach v_char in array regexp_split_to_array(v_text, '') loop
    if octet_length(v_line) + octet_length(v_char) > 74 then
      v_out := v_out || v_line || E'\r\n';
      v_line := ' ';
    end if;
    v_line := v_line || v_char;
  end loop;
  return v_out || v_line;
end
$$;

-- The signed-in user is read once per call (an init plan) instead of once per membership row scanned.
create or replace function private.has_clinic_role(p_clinic_id uuid, p_roles public.staff_role[] default null)
returns boolean
language sql stable security definer
set search_path = ''
as $$
  select exists (
    select 1 from public.clinic_memberships m
    where m.clinic_id = p_clinic_id
      and m.user_id = (select private.current_user_id())
      and (p_roles is null or m.role = any (p_roles))
  )
$$;

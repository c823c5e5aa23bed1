-- Matching (WF-16) weighs each speaker's minutes of the month (fair spread) and the offers of the
-- last year they let down (reliability). Counting those from interpreting_assignments at every
-- ranking read a year of offers for each of up to a thousand speakers of a common language (p95
-- about 115 ms at 80,000 requests a year; bench/interpreting.ts). This table keeps the counts per
-- interpreter and Belgian calendar month instead, maintained by a trigger on the assignments, so
-- every path that changes an assignment (the service, an import, a repair by hand) keeps it right.
--
-- An interpreter lets an offer down by declining it or by cancelling an accepted assignment
-- (STV-10); the assignment records who cancelled.

alter table interpreting_assignments add column cancelled_by text check (cancelled_by in ('customer', 'interpreter', 'desk'));
comment on column interpreting_assignments.cancelled_by is 'Who cancelled this assignment: the customer or the desk (the request is cancelled) or the interpreter (the request goes back to the desk).';

create table interpreter_month_stats (
  tenant_id uuid not null,
  interpreter_id uuid not null references interpreters(id),
  month date not null,
  minutes integer not null default 0,
  offers integer not null default 0,
  let_downs integer not null default 0,
  primary key (interpreter_id, month)
);
comment on table interpreter_month_stats is 'Per interpreter and Belgian month: minutes of accepted and completed assignments starting that month, offers made that month and how many of those were let down. Derived from interpreting_assignments by trigger; rebuilt with interpreter_month_stats_rebuild().';

create function interpreter_month_of(t timestamptz) returns date language sql stable as $$
  select date_trunc('month', t at time zone 'Europe/Brussels')::date
$$;

-- Adds (sign 1) or removes (sign -1) what one assignment row contributes.
create function interpreter_month_stats_apply(a interpreting_assignments, sign integer) returns void language plpgsql as $$
begin
  insert into interpreter_month_stats (tenant_id, interpreter_id, month, offers, let_downs)
    values (a.tenant_id, a.interpreter_id, interpreter_month_of(a.offered_at), sign,
      sign * (case when a.status = 'declined' or (a.status = 'cancelled' and a.cancelled_by = 'interpreter') then 1 else 0 end))
    on conflict (interpreter_id, month) do update set offers = interpreter_month_stats.offers + excluded.offers,
      let_downs = interpreter_month_stats.let_downs + excluded.let_downs;
  if a.status in ('accepted', 'completed') and a.starts_at is not null and a.ends_at is not null then
    insert into interpreter_month_stats (tenant_id, interpreter_id, month, minutes)
      values (a.tenant_id, a.interpreter_id, interpreter_month_of(a.starts_at), sign * (extract(epoch from a.ends_at - a.starts_at) / 60)::int)
      on conflict (interpreter_id, month) do update set minutes = interpreter_month_stats.minutes + excluded.minutes;
  end if;
end $$;

create function interpreter_month_stats_track() returns trigger language plpgsql as $$
begin
  if tg_op = 'UPDATE' then
    if (old.status, old.cancelled_by, old.interpreter_id, old.offered_at, old.starts_at, old.ends_at)
       is not distinct from (new.status, new.cancelled_by, new.interpreter_id, new.offered_at, new.starts_at, new.ends_at) then
      return new;
    end if;
    perform interpreter_month_stats_apply(old, -1);
  end if;
  perform interpreter_month_stats_apply(new, 1);
  return new;
end $$;

create trigger interpreter_month_stats_track after insert or update on interpreting_assignments
  for each row execute function interpreter_month_stats_track();

-- For data written around the trigger (a bulk load with triggers disabled) and for a check by hand.
create function interpreter_month_stats_rebuild() returns void language sql as $$
  delete from interpreter_month_stats;
  insert into interpreter_month_stats (tenant_id, interpreter_id, month, minutes, offers, let_downs)
  select tenant_id, interpreter_id, month, sum(minutes)::int, sum(offers)::int, sum(let_downs)::int from (
    select tenant_id, interpreter_id, interpreter_month_of(offered_at) as month, 0 as minutes, 1 as offers,
      case when status = 'declined' or (status = 'cancelled' and cancelled_by = 'interpreter') then 1 else 0 end as let_downs
    from interpreting_assignments
    union all
    select tenant_id, interpreter_id, interpreter_month_of(starts_at), (extract(epoch from ends_at - starts_at) / 60)::int, 0, 0
    from interpreting_assignments where status in ('accepted', 'completed') and starts_at is not null and ends_at is not null
  ) c group by tenant_id, interpreter_id, month;
$$;

select interpreter_month_stats_rebuild();

-- The offers index of 0012 served only the year count that this table replaces.
drop index interpreting_assignments_offers_idx;

-- Matching reads the live assignments around the request's time for all speakers of a language;
-- without this the planner scanned the whole year of assignments (bench/interpreting.ts).
create index interpreting_assignments_live_period on interpreting_assignments using gist (tstzrange(starts_at, ends_at))
  where status in ('offered', 'accepted') and starts_at is not null;

alter table interpreter_month_stats enable row level security;
create policy tenant_isolation on interpreter_month_stats using (tenant_id = app_tenant()) with check (tenant_id = app_tenant());
grant select, insert, update on interpreter_month_stats to kruispunt_app;

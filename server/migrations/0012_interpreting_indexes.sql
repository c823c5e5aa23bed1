-- Matching (candidatesFor) counts each speaker's offers of the last 12 months and the ones they let
-- down (reliability). Those two sub-queries filter on interpreter_id and offered_at over all
-- statuses, which the partial index on live assignments cannot serve: without this index each
-- candidate meant a sequential scan of interpreting_assignments (seconds per ranking at a year of
-- requests; bench/interpreting.ts).
create index interpreting_assignments_offers_idx on interpreting_assignments (interpreter_id, offered_at);

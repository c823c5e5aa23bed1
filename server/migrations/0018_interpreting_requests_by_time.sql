-- The interpreting figures (figure 49, the Atlas count, the bottleneck languages, the dashboard and
-- the KPI trends) take the requests made in a period. Without an index on the time of the request
-- each of them read all requests of every year (665,000 at the scale of Flanders; bench/reports.ts).
create index interpreting_requests_created_idx on interpreting_requests (tenant_id, created_at);

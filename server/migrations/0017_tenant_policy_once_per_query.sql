-- Row-level security (ADR 0003) compares every row's tenant with app_tenant(), which reads the
-- transaction's setting app.tenant_id and casts it to a uuid. Written as `tenant_id = app_tenant()`,
-- PostgreSQL evaluates that per row: a management figure that scans 680,000 NT2 conversations spent
-- about half its time on it (bench/reports.ts, ADR 0017). As `tenant_id = (select app_tenant())` it
-- is an init plan: evaluated once per query, and still usable as an index condition. The isolation
-- is the same; only when it is computed changes.
do $$
declare p record;
begin
  for p in select schemaname, tablename from pg_policies
    where policyname = 'tenant_isolation' and qual = '(tenant_id = app_tenant())'
      and (with_check is null or with_check = '(tenant_id = app_tenant())')
  loop
    execute format('alter policy tenant_isolation on %I.%I using (tenant_id = (select app_tenant())) with check (tenant_id = (select app_tenant()))',
      p.schemaname, p.tablename);
  end loop;
end $$;

-- The account list is read in the order of an index, stopping at the page's last row, when its conditions hold the
-- index's leading columns to one value (AccountListing). Every list holds the tenant, the pool side and deleted_at
-- (is null), so these indexes give the two common orders, last change first (the default) and newest first, to
-- every list. On (tenant_id, updated_at) alone H2 walked the tenant's foreign-key index instead, which its cost
-- model rated one lower, and read every account for the default page (100 s at 1,000,000 accounts).
drop index ix_account_updated;
create index ix_account_updated on account (tenant_id, in_pool, deleted_at, updated_at);
create index ix_account_created on account (tenant_id, in_pool, deleted_at, created_at);

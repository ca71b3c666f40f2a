-- Indexes the customer benchmark (bench/run-customer.sh, 1,000,000 accounts) showed missing.
-- Duplicate check on create: accounts with the same phone (was a full scan of the account table).
create index ix_account_phone on account (tenant_id, phone);
-- Account list filtered by province and status, newest first: the page's rows straight from the index, and its
-- count from the index alone (the data-scope columns are part of it).
create index ix_account_province_status on account (tenant_id, province_code, status, in_pool, created_at,
    owner_unit_id, owner_user_id, deleted_at, id);

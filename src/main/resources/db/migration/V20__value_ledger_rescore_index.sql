-- The rescore reads the whole ledger of a tenant per account and day (bench/run-value.sh). With every column it
-- reads in one index, H2 and PostgreSQL scan the index in (account, day) order without touching the table and
-- aggregate as they go, instead of hashing millions of account-days. It replaces the (tenant, account, day)
-- index, which is its prefix: the ledger page's account filter uses it the same way.
create index ix_value_transaction_rescore on value_transaction (tenant_id, account_id, occurred_on, amount, margin,
    deleted_at);
drop index ix_value_transaction_account;

-- A ledger import looks up the references (单号) of every thousand rows it checks, to refuse a reference the
-- account already has (LedgerImportRun). Not unique: ledgers imported before that check may hold a reference twice
-- already, merging two accounts brings their rows together under one account, and rows of other sources are not
-- checked. The import takes the company's row lock while it checks and records, so two imports don't race.
create index ix_value_transaction_reference on value_transaction (tenant_id, reference);

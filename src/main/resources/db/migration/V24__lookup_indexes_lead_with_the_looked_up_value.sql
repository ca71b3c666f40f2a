-- Credit codes, phones and mobiles are looked up many at once: an import checks 10,000 rows' codes and numbers in
-- one statement each. H2 uses an IN list only on an index's first column: with the tenant first it read every
-- account of the tenant and compared each with the whole list (an import of 100,000 rows into a million accounts
-- did not end). PostgreSQL finds the rows through either column order; uniqueness does not depend on it.
drop index ux_account_credit_code;
create unique index ux_account_credit_code on account (credit_code, tenant_id);
drop index ix_account_phone;
create index ix_account_phone on account (phone, tenant_id);
drop index ix_contact_mobile;
create index ix_contact_mobile on contact (mobile, tenant_id);

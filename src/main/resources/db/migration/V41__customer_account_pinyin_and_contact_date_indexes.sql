-- The account list sorts names by their pinyin (name_pinyin), as Chinese users expect 北京 before 青岛 before 上海;
-- by the characters' codes 上海 came first. Read in this index's order (AccountListing.SORTED_INDEXES), H2 stops
-- at the page's last row instead of sorting every account of the list.
create index ix_account_name_pinyin on account (tenant_id, in_pool, deleted_at, name_pinyin);
-- The workbench's 近期要联系的客户: the visible accounts with the nearest next-contact dates.
create index ix_account_next_follow_up on account (tenant_id, in_pool, deleted_at, next_follow_up_on);

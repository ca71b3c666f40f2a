package io.keyaccount.customer;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** An account as its 360° page shows it, with names resolved. */
public record AccountView(long id, AccountFacts facts, String provinceName, String cityName, long ownerUserId,
		String ownerName, long ownerUnitId, String ownerUnitName, Long parentId, String parentName,
		List<AccountRef> subsidiaries, boolean keyAccount, boolean inPool, Instant lastFollowUpAt,
		LocalDate nextFollowUpOn, Integer daysUntilPool, GroupRollup group, Instant createdAt, String createdBy,
		long version) {

	public record AccountRef(long id, String name) {
	}

	/** The account and all companies below it in its group, added up (null for a company without subsidiaries). */
	public record GroupRollup(int companies, long contacts, long followUpsLast90Days) {
	}

}

package io.keyaccount.customer;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

/** One line of the account list: what a salesperson scans. */
public record AccountRow(long id, String name, String shortName, AccountStatus status, Industry industry,
		String regionName, long ownerUserId, String ownerName, long ownerUnitId, String ownerUnitName,
		boolean keyAccount, Set<String> tags, Instant lastFollowUpAt, LocalDate nextFollowUpOn,
		Integer daysUntilPool, Instant createdAt, long version) {
}

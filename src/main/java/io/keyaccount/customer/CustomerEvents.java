package io.keyaccount.customer;

import java.util.List;

/** Events the customer module publishes for other modules. */
public final class CustomerEvents {

	private CustomerEvents() {
	}

	public record AccountCreated(long accountId, long ownerUserId) {
	}

	/** Another module moves its rows of {@code mergedId} to {@code keptId}. */
	public record AccountsMerged(long keptId, long mergedId) {
	}

	/** An account changed hands by a transfer; {@code byUserId} is who moved it. */
	public record AccountTransferred(long accountId, String accountName, Long fromUserId, long toUserId,
			long byUserId) {
	}

	/** A leaver's accounts went to a successor; modules move the leaver's open work on them too. */
	public record AccountsHandedOver(long fromUserId, long toUserId, List<Long> accountIds) {
	}

	public record ContactLeft(long accountId, long contactId) {
	}

	/** A key account went without follow-up past the pool rule; it is not recycled, its manager is alerted. */
	public record KeyAccountNeglected(long accountId, String accountName, long ownerUserId, long managerUserId) {
	}

}

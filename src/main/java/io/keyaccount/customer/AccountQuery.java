package io.keyaccount.customer;

/**
 * Filters of the account list. {@code view}: MINE (我负责的), TEAM (我参与的), UNIT (下属负责的), ALL (全部, as far
 * as the data scope allows), POOL (公海).
 */
public record AccountQuery(String keyword, AccountStatus status, Industry industry, String provinceCode,
		Long ownerUserId, Long ownerUnitId, String tag, Boolean keyAccount, View view) {

	public static AccountQuery all() {
		return new AccountQuery(null, null, null, null, null, null, null, null, View.ALL);
	}

	public enum View implements io.keyaccount.platform.web.Labelled {

		MINE, TEAM, UNIT, ALL, POOL

	}

}

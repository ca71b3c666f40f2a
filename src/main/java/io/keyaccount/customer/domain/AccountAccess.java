package io.keyaccount.customer.domain;

import java.util.List;
import java.util.function.LongPredicate;

import io.keyaccount.platform.organisation.DataScope;
import io.keyaccount.platform.security.VisibleRecords;

/**
 * What a user may do with one account, by how the account stands to him (docs/adr/0014). Three levels, each
 * implying the one before:
 * <ul>
 * <li><b>see</b> (read it, its contacts, follow-ups, team, history): it is in the shared pool, or his data scope
 * covers its owner or owner unit, or he is on its team. {@link AccountVisibility} is this rule for lists.
 * <li><b>change</b> (its facts, the key-account mark, contacts, follow-ups, ledger rows, being kept in a merge): his
 * data scope covers it, or he is on its team. Seeing the pool is not changing it: the way into a pool account is
 * to claim it.
 * <li><b>dispose</b> (recycle bin, transfer, release to the pool, its team, being merged away): his data scope
 * covers it. Team members work on an account; they do not give it away.
 * </ul>
 * A data scope covers an account in the pool only when it is {@link DataScope#ALL}: a pool account has no owner
 * whose unit could put it in a narrower scope. Permissions ({@code customer.edit}, {@code customer.delete}, ...)
 * are checked on top of these by the endpoints.
 */
public record AccountAccess(VisibleRecords scope, LongPredicate onTeam) {

	/** The rule for a user, asking the account teams one account at a time. */
	public static AccountAccess of(VisibleRecords scope, AccountTeamMembers teams) {
		return new AccountAccess(scope, accountId -> teams.existsByAccountIdAndUserId(accountId, scope.userId()));
	}

	public boolean maySee(long accountId, boolean inPool, long ownerUserId, long ownerUnitId) {
		return inPool || covers(inPool, ownerUserId, ownerUnitId) || onTeam.test(accountId);
	}

	public boolean mayChange(long accountId, boolean inPool, long ownerUserId, long ownerUnitId) {
		return covers(inPool, ownerUserId, ownerUnitId) || !inPool && onTeam.test(accountId);
	}

	public boolean mayDispose(long accountId, boolean inPool, long ownerUserId, long ownerUnitId) {
		return covers(inPool, ownerUserId, ownerUnitId);
	}

	public boolean maySee(Account account) {
		return maySee(account.getId(), account.isInPool(), account.getOwnerUserId(), account.getOwnerUnitId());
	}

	public boolean mayChange(Account account) {
		return mayChange(account.getId(), account.isInPool(), account.getOwnerUserId(), account.getOwnerUnitId());
	}

	public boolean mayDispose(Account account) {
		return mayDispose(account.getId(), account.isInPool(), account.getOwnerUserId(), account.getOwnerUnitId());
	}

	private boolean covers(boolean inPool, long ownerUserId, long ownerUnitId) {
		return inPool ? scope.scope() == DataScope.ALL : scope.includes(ownerUserId, ownerUnitId);
	}

	/**
	 * {@link #mayChange} as a SQL condition on the {@code account} table known as {@code alias}, its bind values
	 * appended to {@code args}.
	 */
	public static String changeableSql(VisibleRecords scope, String alias, List<Object> args) {
		if (scope.scope() == DataScope.ALL) {
			return "1 = 1";
		}
		return "(" + alias + ".in_pool = false and " + AccountVisibility.visibleToSql(scope, alias, args) + ")";
	}

}

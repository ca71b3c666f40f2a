package io.keyaccount.customer.domain;

import java.util.List;

import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;
import org.springframework.data.jpa.domain.Specification;

import io.keyaccount.platform.organisation.DataScope;
import io.keyaccount.platform.security.VisibleRecords;
import io.keyaccount.platform.tenancy.TenantContext;

/**
 * Who sees an account, as query predicates for lists: the role's data scope over owner and owner unit, and —
 * whatever the scope — every member of the account's team. Accounts in the shared pool are outside everyone's own
 * lists (the pool has its own). {@link AccountAccess} holds the whole rule: seeing, changing and disposing.
 */
public final class AccountVisibility {

	private AccountVisibility() {
	}

	public static Specification<Account> visibleTo(VisibleRecords visible) {
		if (visible.scope() == DataScope.ALL) {
			return (root, query, cb) -> cb.conjunction();
		}
		Specification<Account> byScope = visible.specification();
		return (root, query, cb) -> cb.or(byScope.toPredicate(root, query, cb),
				root.get("id").in(teamAccounts(query, cb, visible.userId())));
	}

	public static Specification<Account> onTeamOf(long userId) {
		return (root, query, cb) -> root.get("id").in(teamAccounts(query, cb, userId));
	}

	/**
	 * {@link #visibleTo} as a SQL condition on the {@code account} table known as {@code alias}, its bind values
	 * appended to {@code args}.
	 */
	public static String visibleToSql(VisibleRecords visible, String alias, List<Object> args) {
		if (visible.scope() == DataScope.ALL) {
			return "1 = 1";
		}
		String byScope = visible.sqlCondition(alias + ".owner_user_id", alias + ".owner_unit_id", args);
		return "(" + byScope + " or " + onTeamOfSql(visible.userId(), alias, args) + ")";
	}

	/** {@link #onTeamOf} as a SQL condition on the {@code account} table known as {@code alias}. */
	public static String onTeamOfSql(long userId, String alias, List<Object> args) {
		args.add(TenantContext.currentTenant());
		args.add(userId);
		return alias + ".id in (select m.account_id from account_team_member m where m.tenant_id = ? and m.user_id = ?"
				+ " and m.deleted_at is null)";
	}

	private static Subquery<Long> teamAccounts(jakarta.persistence.criteria.CriteriaQuery<?> query,
			jakarta.persistence.criteria.CriteriaBuilder cb, long userId) {
		Subquery<Long> team = query.subquery(Long.class);
		Root<AccountTeamMember> member = team.from(AccountTeamMember.class);
		team.select(member.get("accountId")).where(cb.equal(member.get("userId"), userId));
		return team;
	}

}

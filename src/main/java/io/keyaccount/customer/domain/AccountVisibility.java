package io.keyaccount.customer.domain;

import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;
import org.springframework.data.jpa.domain.Specification;

import io.keyaccount.platform.organisation.DataScope;
import io.keyaccount.platform.security.VisibleRecords;

/**
 * Who sees an account: the role's data scope over owner and owner unit, and — whatever the scope — every member
 * of the account's team. Accounts in the shared pool are outside everyone's own lists.
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

	private static Subquery<Long> teamAccounts(jakarta.persistence.criteria.CriteriaQuery<?> query,
			jakarta.persistence.criteria.CriteriaBuilder cb, long userId) {
		Subquery<Long> team = query.subquery(Long.class);
		Root<AccountTeamMember> member = team.from(AccountTeamMember.class);
		team.select(member.get("accountId")).where(cb.equal(member.get("userId"), userId));
		return team;
	}

	public static boolean canSee(VisibleRecords visible, Account account, boolean onTeam) {
		return onTeam || visible.includes(account.getOwnerUserId(), account.getOwnerUnitId());
	}

}

package io.keyaccount.customer.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.hibernate.annotations.SQLRestriction;

import io.keyaccount.customer.TeamRole;
import io.keyaccount.platform.persistence.BusinessEntity;

/**
 * A colleague on an account's team: they see the account and everything under it, whatever their department
 * scope says about other records.
 */
@Entity
@Table(name = "account_team_member")
@SQLRestriction("deleted_at is null")
public class AccountTeamMember extends BusinessEntity {

	@Column(name = "account_id", nullable = false)
	private Long accountId;

	@Column(name = "user_id", nullable = false)
	private Long userId;

	@Enumerated(EnumType.STRING)
	@Column(name = "team_role", nullable = false)
	private TeamRole role;

	protected AccountTeamMember() {
	}

	public AccountTeamMember(long accountId, long userId, TeamRole role) {
		this.accountId = accountId;
		this.userId = userId;
		this.role = role;
	}

	public void changeRole(TeamRole role) {
		this.role = role;
	}

	public void moveToAccount(long accountId) {
		this.accountId = accountId;
	}

	public Long getAccountId() {
		return accountId;
	}

	public Long getUserId() {
		return userId;
	}

	public TeamRole getRole() {
		return role;
	}

}

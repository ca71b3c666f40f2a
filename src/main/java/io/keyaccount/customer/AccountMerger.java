package io.keyaccount.customer;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.keyaccount.customer.CustomerEvents.AccountsMerged;
import io.keyaccount.customer.domain.Account;
import io.keyaccount.customer.domain.AccountTeamMembers;
import io.keyaccount.customer.domain.AccountTransfer;
import io.keyaccount.customer.domain.AccountTransfer.TransferKind;
import io.keyaccount.customer.domain.AccountTransfers;
import io.keyaccount.customer.domain.Accounts;
import io.keyaccount.customer.domain.Contacts;
import io.keyaccount.customer.domain.FollowUps;
import io.keyaccount.platform.security.CurrentUser;
import io.keyaccount.platform.validation.BusinessRuleException;

/**
 * Merges a duplicate account into the one kept: contacts, follow-ups, team, transfer history and subsidiaries
 * move over, blank facts are filled from the duplicate, which then goes to the recycle bin. Other modules move
 * their own rows on {@link AccountsMerged}. The kept account is changed and the duplicate disposed of
 * (docs/adr/0014); merging needs {@code customer.delete}, checked by its endpoints as every permission is.
 */
@Service
@Transactional
public class AccountMerger {

	private final CustomerManagement customers;

	private final Accounts accounts;

	private final Contacts contacts;

	private final FollowUps followUps;

	private final AccountTeamMembers teams;

	private final AccountTransfers transfers;

	private final CurrentUser currentUser;

	private final ApplicationEventPublisher events;

	AccountMerger(CustomerManagement customers, Accounts accounts, Contacts contacts, FollowUps followUps,
			AccountTeamMembers teams, AccountTransfers transfers, CurrentUser currentUser,
			ApplicationEventPublisher events) {
		this.customers = customers;
		this.accounts = accounts;
		this.contacts = contacts;
		this.followUps = followUps;
		this.teams = teams;
		this.transfers = transfers;
		this.currentUser = currentUser;
		this.events = events;
	}

	public void merge(long keptId, long mergedId) {
		if (keptId == mergedId) {
			throw new BusinessRuleException("mergedId", "account.mergeWithItself");
		}
		Account kept = customers.changeableAccount(keptId);
		Account merged = customers.disposableAccount(mergedId);
		contacts.findByAccountIdOrderByNameAsc(mergedId).forEach(c -> c.moveToAccount(keptId));
		followUps.findByAccountId(mergedId).forEach(f -> f.moveToAccount(keptId));
		teams.findByAccountId(mergedId).forEach(member -> {
			if (teams.existsByAccountIdAndUserId(keptId, member.getUserId())) {
				teams.delete(member);
			}
			else {
				member.moveToAccount(keptId);
			}
		});
		if (kept.isInPool()) {
			customers.dissolveTeam(keptId);
		}
		transfers.findByAccountId(mergedId).forEach(t -> t.moveToAccount(keptId));
		accounts.findByParentId(mergedId).forEach(child -> child.attachToParent(keptId));
		if (merged.getParentId() != null && kept.getParentId() == null && !merged.getParentId().equals(keptId)) {
			kept.attachToParent(merged.getParentId());
		}
		String mergedCreditCode = merged.getCreditCode();
		merged.moveToRecycleBin();
		if (mergedCreditCode != null && kept.getCreditCode() == null) {
			// The duplicate keeps its code in the recycle bin; the kept account may not take it over.
			kept.completeFrom(withoutCreditCode(merged));
		}
		else {
			kept.completeFrom(merged);
		}
		transfers.save(new AccountTransfer(keptId, merged.getOwnerUserId(), kept.getOwnerUserId(), TransferKind.MERGE,
				merged.getName(), currentUser.require().getUsername()));
		events.publishEvent(new AccountsMerged(keptId, mergedId));
	}

	private static Account withoutCreditCode(Account account) {
		AccountFacts f = account.facts();
		return new Account(new AccountFacts(f.name(), f.shortName(), null, f.externalId(), f.industry(),
				f.provinceCode(), f.cityCode(), f.employees(), f.annualRevenue(), f.ownershipType(), f.website(),
				f.address(), f.phone(), f.source(), f.status(), f.purchasingMode(), f.purchasePattern(), f.tags()),
				account.getOwnerUserId(), account.getOwnerUnitId());
	}

}

package io.keyaccount.customer;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.keyaccount.customer.CustomerEvents.KeyAccountNeglected;
import io.keyaccount.customer.domain.Account;
import io.keyaccount.customer.domain.AccountTransfer;
import io.keyaccount.customer.domain.AccountTransfer.TransferKind;
import io.keyaccount.customer.domain.AccountTransfers;
import io.keyaccount.customer.domain.Accounts;
import io.keyaccount.customer.domain.PoolSettingsStore;
import io.keyaccount.platform.organisation.Organisation;
import io.keyaccount.platform.organisation.User;
import io.keyaccount.platform.persistence.NotFoundException;
import io.keyaccount.platform.security.CurrentUser;
import io.keyaccount.platform.security.KeyaccountUser;
import io.keyaccount.platform.validation.BusinessRuleException;

/**
 * The shared pool (公海): accounts released by hand or by the rule, claimed back by salespeople within a daily
 * limit. Key accounts are never recycled silently: the rule alerts their owner's manager instead. Everyone sees the
 * pool, but claiming is the way into a pool account (docs/adr/0014): a pool account has no team, so going to the
 * pool and being claimed both end its team.
 */
@Service
@Transactional
public class CustomerPool {

	private final Accounts accounts;

	private final AccountTransfers transfers;

	private final CustomerManagement customers;

	private final PoolSettingsStore settings;

	private final CurrentUser currentUser;

	private final Organisation organisation;

	private final JdbcTemplate jdbc;

	private final ApplicationEventPublisher events;

	CustomerPool(Accounts accounts, AccountTransfers transfers, CustomerManagement customers,
			PoolSettingsStore settings, CurrentUser currentUser, Organisation organisation, JdbcTemplate jdbc,
			ApplicationEventPublisher events) {
		this.accounts = accounts;
		this.transfers = transfers;
		this.customers = customers;
		this.settings = settings;
		this.currentUser = currentUser;
		this.organisation = organisation;
		this.jdbc = jdbc;
		this.events = events;
	}

	@Transactional(readOnly = true)
	public PoolSettings settings() {
		return settings.load();
	}

	public void changeSettings(PoolSettings changed) {
		if (changed.afterDays() < 1 || changed.warningDays() < 0 || changed.warningDays() >= changed.afterDays()) {
			throw new BusinessRuleException("warningDays", "pool.settingsInvalid");
		}
		if (changed.dailyClaimLimit() < 0) {
			throw new BusinessRuleException("dailyClaimLimit", "validation.notNegative");
		}
		settings.save(changed);
	}

	public int release(List<Long> ids, String reason) {
		String by = currentUser.require().getUsername();
		for (Long id : ids) {
			Account account = customers.disposableAccount(id);
			if (account.isKeyAccount()) {
				throw BusinessRuleException.general("pool.keyAccountNotReleased", account.getName());
			}
			transfers.save(new AccountTransfer(id, account.getOwnerUserId(), null, TransferKind.RELEASE, reason, by));
			account.releaseToPool();
			customers.dissolveTeam(id);
		}
		return ids.size();
	}

	public String claim(long id) {
		KeyaccountUser me = currentUser.require();
		Account account = accounts.findById(id).filter(Account::isInPool)
			.orElseThrow(() -> new NotFoundException("Account", id));
		int limit = settings.load().dailyClaimLimit();
		Instant startOfDay = LocalDate.now().atStartOfDay(ZoneId.systemDefault()).toInstant();
		long claimedToday = transfers.countByToUserIdAndKindAndTransferredAtAfter(me.userId(), TransferKind.CLAIM,
				startOfDay);
		if (claimedToday >= limit) {
			throw BusinessRuleException.general("pool.claimLimitReached", limit);
		}
		transfers.save(new AccountTransfer(id, account.getOwnerUserId(), me.userId(), TransferKind.CLAIM, null,
				me.getUsername()));
		account.transferTo(me.userId(), me.unitId());
		customers.dissolveTeam(id);
		return account.getName();
	}

	/**
	 * Applies the rule to the current tenant: accounts idle past the limit go to the pool; idle key accounts raise
	 * one open alert to the owner's manager. Returns how many accounts were released.
	 */
	public int sweep() {
		PoolSettings rule = settings.load();
		if (!rule.enabled()) {
			return 0;
		}
		Instant cutoff = LocalDate.now().minusDays(rule.afterDays()).atStartOfDay(ZoneId.systemDefault()).toInstant();
		List<Account> idle = accounts.findAll((root, q, cb) -> cb.and(cb.isFalse(root.get("inPool")),
				cb.or(cb.lessThan(root.get("lastFollowUpAt"), cutoff),
						cb.and(cb.isNull(root.get("lastFollowUpAt")), cb.lessThan(root.get("createdAt"), cutoff)))));
		int released = 0;
		for (Account account : idle) {
			if (account.isKeyAccount()) {
				alertManager(account);
				continue;
			}
			transfers.save(new AccountTransfer(account.getId(), account.getOwnerUserId(), null,
					TransferKind.AUTO_RELEASE, null, AccountTransfer.SYSTEM));
			account.releaseToPool();
			customers.dissolveTeam(account.getId());
			released++;
		}
		return released;
	}

	private void alertManager(Account account) {
		User owner = organisation.user(account.getOwnerUserId());
		long recipient = owner.getManagerId() != null ? owner.getManagerId() : owner.getId();
		Integer open = jdbc.queryForObject(
				"select count(*) from account_alert where account_id = ? and kind = 'NEGLECTED' and resolved_at is null",
				Integer.class, account.getId());
		if (open != null && open > 0) {
			return;
		}
		jdbc.update("""
				insert into account_alert (tenant_id, account_id, kind, recipient_id, raised_at)
				values (?, ?, 'NEGLECTED', ?, ?)""", account.getTenantId(), account.getId(), recipient,
				java.sql.Timestamp.from(Instant.now()));
		events.publishEvent(new KeyAccountNeglected(account.getId(), account.getName(), owner.getId(), recipient));
	}

	/** A follow-up answers the alert: whoever was warned about the account need not be any more. */
	public void resolveAlerts(long accountId) {
		jdbc.update("update account_alert set resolved_at = ? where account_id = ? and resolved_at is null",
				java.sql.Timestamp.from(Instant.now()), accountId);
	}

	/** Open alerts addressed to the current user: key accounts nobody has followed up. */
	@Transactional(readOnly = true)
	public List<NeglectAlert> myAlerts() {
		return jdbc.query("""
				select a.id, a.name, al.raised_at from account_alert al join account a on a.id = al.account_id
				where al.recipient_id = ? and al.resolved_at is null and a.deleted_at is null order by al.raised_at desc""",
				(rs, i) -> new NeglectAlert(rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant()),
				currentUser.require().userId());
	}

	public record NeglectAlert(long accountId, String accountName, Instant raisedAt) {
	}

}

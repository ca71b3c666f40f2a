package io.keyaccount.customer;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

import io.keyaccount.customer.AccountDetails.StoredAccount;
import io.keyaccount.customer.AccountListing.ListedAccount;
import io.keyaccount.customer.AccountQuery.View;
import io.keyaccount.customer.AccountView.AccountRef;
import io.keyaccount.customer.CustomerEvents.AccountCreated;
import io.keyaccount.customer.CustomerEvents.AccountTransferred;
import io.keyaccount.customer.CustomerEvents.AccountsHandedOver;
import io.keyaccount.customer.domain.Account;
import io.keyaccount.customer.domain.AccountAccess;
import io.keyaccount.customer.domain.AccountRules;
import io.keyaccount.customer.domain.AccountTeamMember;
import io.keyaccount.customer.domain.AccountTeamMembers;
import io.keyaccount.customer.domain.AccountTransfer;
import io.keyaccount.customer.domain.AccountTransfer.TransferKind;
import io.keyaccount.customer.domain.AccountTransfers;
import io.keyaccount.customer.domain.AccountVisibility;
import io.keyaccount.customer.domain.Accounts;
import io.keyaccount.customer.domain.FollowUps;
import io.keyaccount.customer.domain.PoolSettingsStore;
import io.keyaccount.customer.domain.Regions;
import io.keyaccount.customer.search.CustomerIndex;
import io.keyaccount.customer.search.CustomerIndex.IdPage;
import io.keyaccount.customer.search.SearchTerms;
import io.keyaccount.platform.organisation.Organisation;
import io.keyaccount.platform.organisation.User;
import io.keyaccount.platform.persistence.NotFoundException;
import io.keyaccount.platform.security.CurrentUser;
import io.keyaccount.platform.security.KeyaccountUser;
import io.keyaccount.platform.security.VisibleRecords;
import io.keyaccount.platform.tenancy.TenantContext;
import io.keyaccount.platform.validation.BusinessRuleException;

/**
 * The customer module's facade for accounts: find, create, change, delete, transfer and hand over accounts,
 * manage account teams. Every read and change checks that the current user may see the account.
 */
@Service
@Transactional
public class CustomerManagement {

	private final Accounts accounts;

	private final AccountTeamMembers teams;

	private final AccountTransfers transfers;

	private final FollowUps followUps;

	private final AccountRules rules;

	private final DuplicateFinder duplicates;

	private final Regions regions;

	private final Organisation organisation;

	private final CurrentUser currentUser;

	private final PoolSettingsStore poolSettings;

	private final ApplicationEventPublisher events;

	private final CustomerIndex index;

	private final OwnerNames ownerNames;

	private final AccountListing listing;

	private final AccountDetails details;

	/** Most accounts a keyword selects for a whole-list use of {@link #specification} (an export). */
	static final int KEYWORD_MATCH_LIMIT = 10_000;

	CustomerManagement(Accounts accounts, AccountTeamMembers teams, AccountTransfers transfers, FollowUps followUps,
			AccountRules rules, DuplicateFinder duplicates, Regions regions, Organisation organisation,
			CurrentUser currentUser, PoolSettingsStore poolSettings, ApplicationEventPublisher events,
			CustomerIndex index, OwnerNames ownerNames, AccountListing listing, AccountDetails details) {
		this.accounts = accounts;
		this.teams = teams;
		this.transfers = transfers;
		this.followUps = followUps;
		this.rules = rules;
		this.duplicates = duplicates;
		this.regions = regions;
		this.organisation = organisation;
		this.currentUser = currentUser;
		this.poolSettings = poolSettings;
		this.events = events;
		this.index = index;
		this.ownerNames = ownerNames;
		this.listing = listing;
		this.details = details;
	}

	// ---- reading

	/**
	 * A page of the account list. Outside a transaction, as {@link #account}: the page and its total come from the
	 * database and the search index, which share no snapshot anyway.
	 */
	@Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
	public Page<AccountRow> accounts(AccountQuery query, Pageable pageable) {
		if (hasKeyword(query)) {
			return searchAccounts(query, pageable);
		}
		Page<ListedAccount> page = listing.page(query, currentUser.visibleRecords(), pageable);
		return page.map(rows(page.getContent()));
	}

	/** The accounts this user sees with the nearest next-contact dates, overdue ones first (the workbench). */
	@Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
	public List<AccountRow> dueForContact(int limit) {
		List<ListedAccount> due = listing.dueForContact(currentUser.visibleRecords(), limit);
		return due.stream().map(rows(due)).toList();
	}

	/** The list rows of these accounts: their owners' names, regions and days until the pool. */
	private Function<ListedAccount, AccountRow> rows(Collection<ListedAccount> accounts) {
		OwnerNames.Names names = ownerNames.of(accounts.stream().map(ListedAccount::ownerUserId).toList(),
				accounts.stream().map(ListedAccount::ownerUnitId).toList());
		PoolSettings pool = poolSettings.load();
		return a -> new AccountRow(a.id(), a.name(), a.shortName(), a.status(), a.industry(),
				regionName(a.cityCode(), a.provinceCode()), a.ownerUserId(), names.users().get(a.ownerUserId()),
				a.ownerUnitId(), names.units().get(a.ownerUnitId()), a.keyAccount(), a.tags(), a.lastFollowUpAt(),
				a.nextFollowUpOn(), daysUntilPool(a.keyAccount(), a.inPool(), a.lastFollowUpAt(), a.createdAt(), pool),
				a.createdAt(), a.version());
	}

	/**
	 * A keyword search: the index finds the page (keyword, data scope, view, filters, sort); the database loads
	 * it and checks scope and filters once more, so an out-of-date index can never show a hidden account.
	 */
	private Page<AccountRow> searchAccounts(AccountQuery query, Pageable pageable) {
		VisibleRecords visible = currentUser.visibleRecords();
		IdPage hits = index.accounts(query, visible, ownerUnits(query), pageable);
		if (hits.ids().isEmpty()) {
			return new PageImpl<>(List.of(), pageable, hits.total());
		}
		AccountQuery rest = new AccountQuery(null, query.status(), query.industry(), query.provinceCode(),
				query.ownerUserId(), query.ownerUnitId(), query.tag(), query.keyAccount(), query.view());
		Map<Long, ListedAccount> found = listing.among(rest, visible, hits.ids());
		Function<ListedAccount, AccountRow> row = rows(found.values());
		List<AccountRow> rows = hits.ids().stream().map(found::get).filter(Objects::nonNull).map(row).toList();
		return new PageImpl<>(rows, pageable, hits.total() - (hits.ids().size() - rows.size()));
	}

	private static boolean hasKeyword(AccountQuery query) {
		return !SearchTerms.parse(query.keyword()).isEmpty();
	}

	private Set<Long> ownerUnits(AccountQuery query) {
		return query.ownerUnitId() == null ? Set.of() : organisation.unitAndDescendants(query.ownerUnitId());
	}

	/**
	 * What a list query selects, as JPA criteria: for exports and the contact list. The list itself reads the same
	 * with SQL ({@link AccountListing}); {@code AccountListingTests} holds the two to the same rows.
	 */
	@Transactional(readOnly = true)
	public Specification<Account> specification(AccountQuery query) {
		VisibleRecords visible = currentUser.visibleRecords();
		KeyaccountUser me = currentUser.require();
		View view = query.view() == null ? View.ALL : query.view();
		Specification<Account> spec = switch (view) {
			case POOL -> (root, q, cb) -> cb.isTrue(root.get("inPool"));
			case MINE -> (root, q, cb) -> cb.and(cb.isFalse(root.get("inPool")),
					cb.equal(root.get("ownerUserId"), me.userId()));
			case TEAM -> AccountVisibility.onTeamOf(me.userId()).and((root, q, cb) -> cb.isFalse(root.get("inPool")));
			case UNIT -> AccountVisibility.visibleTo(visible)
				.and((root, q, cb) -> cb.and(cb.isFalse(root.get("inPool")),
						cb.notEqual(root.get("ownerUserId"), me.userId())));
			case ALL -> AccountVisibility.visibleTo(visible).and((root, q, cb) -> cb.isFalse(root.get("inPool")));
		};
		return spec.and(filters(query, visible));
	}

	private Specification<Account> filters(AccountQuery query, VisibleRecords visible) {
		Specification<Account> spec = (root, q, cb) -> cb.conjunction();
		if (hasKeyword(query)) {
			List<Long> ids = index.accountIds(query, visible, ownerUnits(query), KEYWORD_MATCH_LIMIT);
			spec = spec.and((root, q, cb) -> ids.isEmpty() ? cb.disjunction() : root.get("id").in(ids));
		}
		if (query.status() != null) {
			spec = spec.and((root, q, cb) -> cb.equal(root.get("status"), query.status()));
		}
		if (query.industry() != null) {
			spec = spec.and((root, q, cb) -> cb.equal(root.get("industry"), query.industry()));
		}
		if (StringUtils.hasText(query.provinceCode())) {
			spec = spec.and((root, q, cb) -> cb.equal(root.get("provinceCode"), query.provinceCode()));
		}
		if (query.ownerUserId() != null) {
			spec = spec.and((root, q, cb) -> cb.equal(root.get("ownerUserId"), query.ownerUserId()));
		}
		if (query.ownerUnitId() != null) {
			var unitIds = organisation.unitAndDescendants(query.ownerUnitId());
			spec = spec.and((root, q, cb) -> root.get("ownerUnitId").in(unitIds));
		}
		if (StringUtils.hasText(query.tag())) {
			String tag = query.tag().trim();
			spec = spec.and((root, q, cb) -> cb.or(cb.equal(root.get("tags"), tag), cb.like(root.get("tags"), tag + ",%"),
					cb.like(root.get("tags"), "%," + tag), cb.like(root.get("tags"), "%," + tag + ",%")));
		}
		if (query.keyAccount() != null) {
			spec = spec.and((root, q, cb) -> cb.equal(root.get("keyAccount"), query.keyAccount()));
		}
		return spec;
	}

	/**
	 * An account's detail, read with plain SQL ({@link AccountDetails}) and outside a transaction: the page every
	 * click on an account opens, where a transaction added a round trip and Hibernate's transaction handling to two
	 * reads that need no common snapshot. Call it outside a transaction that has changed the account.
	 */
	@Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
	public AccountView account(long id) {
		StoredAccount account = details.find(id)
			.filter(a -> visible(a.id(), a.inPool(), a.ownerUserId(), a.ownerUnitId()))
			.orElseThrow(() -> new NotFoundException("Account", id));
		// the parent's name as the parent holds it, whoever may see the parent (null when it is deleted)
		String parentName = account.parentId() == null ? null
				: details.find(account.parentId()).map(parent -> parent.facts().name()).orElse(null);
		return view(account, parentName);
	}

	private AccountView view(StoredAccount account, String parentName) {
		List<AccountRef> subsidiaries = account.subsidiaries();
		OwnerNames.Names names = ownerNames.of(List.of(account.ownerUserId()), List.of(account.ownerUnitId()));
		return new AccountView(account.id(), account.facts(), regions.name(account.facts().provinceCode()),
				regions.name(account.facts().cityCode()), account.ownerUserId(), names.users().get(account.ownerUserId()),
				account.ownerUnitId(), names.units().get(account.ownerUnitId()), account.parentId(),
				parentName, subsidiaries, account.keyAccount(), account.inPool(), account.lastFollowUpAt(),
				account.nextFollowUpOn(), daysUntilPool(account.keyAccount(), account.inPool(), account.lastFollowUpAt(),
						account.createdAt(), poolSettings.load()),
				subsidiaries.isEmpty() ? null : details.group(account.id(), Instant.now().minus(90, ChronoUnit.DAYS)),
				account.createdAt(), account.createdBy(), account.version());
	}

	/** The name of an account the current user can see; for other modules' pages. */
	@Transactional(readOnly = true)
	public Optional<String> accountName(long id) {
		return findVisible(id).map(Account::getName);
	}

	@Transactional(readOnly = true)
	public boolean canSee(long accountId) {
		return findVisible(accountId).isPresent();
	}

	/**
	 * Whether the current user may change this account ({@link AccountAccess}); fails as if it did not exist when
	 * he may not even see it. For pages that offer a change before it is made.
	 */
	@Transactional(readOnly = true)
	public boolean canChange(long id) {
		return access().mayChange(visibleAccount(id));
	}

	/** What the current user may do with an account he sees, for a page to offer only that. */
	@Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
	public AccountRights rightsOver(AccountView account) {
		AccountAccess access = access();
		return new AccountRights(
				access.mayChange(account.id(), account.inPool(), account.ownerUserId(), account.ownerUnitId()),
				access.mayDispose(account.id(), account.inPool(), account.ownerUserId(), account.ownerUnitId()));
	}

	/** Whether the current user may change an account, and whether he may dispose of it ({@link AccountAccess}). */
	public record AccountRights(boolean change, boolean dispose) {
	}

	/** Loads an account the current user may see, or fails as if it did not exist. */
	Account visibleAccount(long id) {
		return findVisible(id).orElseThrow(() -> new NotFoundException("Account", id));
	}

	/** Loads an account the current user may change: not found when hidden from him, forbidden when only seen. */
	Account changeableAccount(long id) {
		Account account = visibleAccount(id);
		if (!access().mayChange(account)) {
			throw new AccessDeniedException("account " + id + " is not the current user's to change");
		}
		return account;
	}

	/** Loads an account the current user may dispose of (delete, transfer, release, team, merge away). */
	Account disposableAccount(long id) {
		Account account = visibleAccount(id);
		if (!access().mayDispose(account)) {
			throw new AccessDeniedException("account " + id + " is not the current user's to dispose of");
		}
		return account;
	}

	private Optional<Account> findVisible(long id) {
		return accounts.findLive(TenantContext.currentTenant(), id).filter(a -> access().maySee(a));
	}

	/** Whether the current user may see this account: in the pool, in their data scope, or on its team. */
	private boolean visible(long id, boolean inPool, long ownerUserId, long ownerUnitId) {
		return access().maySee(id, inPool, ownerUserId, ownerUnitId);
	}

	/** The current user's rights over accounts; the team is asked only when the data scope does not decide. */
	AccountAccess access() {
		return AccountAccess.of(currentUser.visibleRecords(), teams);
	}

	/** {@link #access()} with the user's teams read once, for checking many accounts (an import's rows). */
	@Transactional(readOnly = true)
	public AccountAccess accessToMany() {
		VisibleRecords scope = currentUser.visibleRecords();
		Set<Long> onTeams = Set.copyOf(teams.findAccountIdsByUserId(scope.userId()));
		return new AccountAccess(scope, onTeams::contains);
	}

	// ---- changing

	/**
	 * Creates an account owned by the given user (the current user when null). Likely duplicates stop the creation
	 * unless {@code duplicatesConfirmed}; a credit code already in use always does.
	 */
	public long create(AccountFacts facts, Long ownerUserId, Long parentId, boolean duplicatesConfirmed) {
		return newAccount(facts, ownerUserId, parentId, duplicatesConfirmed).getId();
	}

	/**
	 * Creates an account as {@link #create} does and answers its detail, built in the same transaction from the
	 * account in hand (it has no subsidiaries yet): the API's create no longer reads it back in a second one.
	 */
	public AccountView createAndShow(AccountFacts facts, Long ownerUserId, Long parentId, boolean duplicatesConfirmed) {
		Account account = newAccount(facts, ownerUserId, parentId, duplicatesConfirmed);
		String parentName = account.getParentId() == null ? null
				: accounts.findLiveName(TenantContext.currentTenant(), account.getParentId()).orElse(null);
		return view(StoredAccount.of(account), parentName);
	}

	private Account newAccount(AccountFacts facts, Long ownerUserId, Long parentId, boolean duplicatesConfirmed) {
		AccountFacts checked = rules.check(facts);
		requireUniqueCreditCode(checked.creditCode(), null);
		if (!duplicatesConfirmed) {
			List<DuplicateFinder.Candidate> candidates = duplicates.candidates(checked, List.of(), null);
			if (!candidates.isEmpty()) {
				throw new DuplicateAccountsException(candidates);
			}
		}
		User owner = assignableOwner("ownerUserId", ownerUserId == null ? currentUser.require().userId() : ownerUserId);
		Account account = new Account(checked, owner.getId(), owner.getUnitId());
		account.attachToParent(checkParent(null, parentId));
		accounts.save(account);
		events.publishEvent(new AccountCreated(account.getId(), owner.getId()));
		return account;
	}

	public void update(long id, AccountFacts facts, Long parentId, long version) {
		Account account = changeableAccount(id);
		account.checkVersion(version);
		AccountFacts checked = rules.check(facts);
		requireUniqueCreditCode(checked.creditCode(), id);
		account.describe(checked);
		account.attachToParent(checkParent(id, parentId));
	}

	public String delete(long id) {
		Account account = disposableAccount(id);
		if (!accounts.findByParentId(id).isEmpty()) {
			throw BusinessRuleException.general("account.hasSubsidiaries", account.getName());
		}
		account.moveToRecycleBin();
		return account.getName();
	}

	public void designateKeyAccount(long id, boolean keyAccount) {
		changeableAccount(id).designateKeyAccount(keyAccount);
	}

	/** Transfers accounts (one or many) to another owner, recording who moved what. */
	public int transfer(List<Long> ids, long toUserId, String reason) {
		User target = assignableOwner("toUserId", toUserId);
		KeyaccountUser me = currentUser.require();
		String by = me.getUsername();
		for (Long id : ids) {
			Account account = disposableAccount(id);
			Long from = account.getOwnerUserId();
			transfers.save(new AccountTransfer(id, from, target.getId(), TransferKind.TRANSFER, reason, by));
			account.transferTo(target.getId(), target.getUnitId());
			events.publishEvent(new AccountTransferred(id, account.getName(), from, target.getId(), me.userId()));
		}
		return ids.size();
	}

	/**
	 * A salesperson leaves: the accounts they own, and the follow-ups on them still waiting for them, go to the
	 * successor in one step. The leaver and the successor must be within the actor's data scope, and only accounts
	 * the actor may dispose of move. Other modules move their open work on the {@link AccountsHandedOver} event.
	 */
	public int handOver(long fromUserId, long toUserId) {
		if (fromUserId == toUserId) {
			throw new BusinessRuleException("toUserId", "account.handoverToSelf");
		}
		User leaver = organisation.user(fromUserId);
		if (!currentUser.visibleRecords().includes(leaver.getId(), leaver.getUnitId())) {
			throw new BusinessRuleException("fromUserId", "account.userOutOfScope", leaver.getDisplayName());
		}
		User successor = assignableOwner("toUserId", toUserId);
		String by = currentUser.require().getUsername();
		AccountAccess access = access();
		List<Long> moved = new ArrayList<>();
		for (Account account : accounts.findByOwnerUserIdAndInPoolFalse(fromUserId)) {
			if (!access.mayDispose(account)) {
				continue;
			}
			transfers.save(new AccountTransfer(account.getId(), fromUserId, toUserId, TransferKind.HANDOVER, null, by));
			account.transferTo(successor.getId(), successor.getUnitId());
			moved.add(account.getId());
		}
		Set<Long> movedIds = Set.copyOf(moved);
		followUps.findByAssigneeUserIdAndNextFollowUpOnGreaterThanEqual(fromUserId, LocalDate.now())
			.stream()
			.filter(f -> movedIds.contains(f.getAccountId()))
			.forEach(f -> f.handOverTo(toUserId));
		events.publishEvent(new AccountsHandedOver(fromUserId, toUserId, List.copyOf(moved)));
		return moved.size();
	}

	@Transactional(readOnly = true)
	public List<AccountTransfer> transfersOf(long accountId) {
		visibleAccount(accountId);
		return transfers.findByAccountIdOrderByTransferredAtDesc(accountId);
	}

	/**
	 * Who owned the account before and after each change of hands, and who made it, newest first: the pool on one
	 * side of a release or a claim, the system for the pool rule's sweep.
	 */
	@Transactional(readOnly = true)
	public List<OwnershipChange> ownershipHistory(long accountId) {
		Map<Long, String> names = organisation.userNames();
		Map<String, String> actors = new HashMap<>();
		return transfersOf(accountId).stream().map(t -> {
			boolean toPool = t.getKind() == TransferKind.RELEASE || t.getKind() == TransferKind.AUTO_RELEASE;
			boolean fromPool = t.getKind() == TransferKind.CLAIM;
			String actor = t.isBySystem() ? null
					: actors.computeIfAbsent(t.getTransferredBy(),
							username -> organisation.displayNameOf(username).orElse(username));
			return new OwnershipChange(t.getTransferredAt(), t.getKind(), fromPool ? null : names.get(t.getFromUserId()),
					fromPool, toPool ? null : names.get(t.getToUserId()), toPool, actor, t.isBySystem(), t.getReason());
		}).toList();
	}

	/** Likely duplicates of an existing account, for the merge page. */
	@Transactional(readOnly = true)
	public List<DuplicateFinder.Candidate> duplicatesOf(long id) {
		Account account = changeableAccount(id);
		return duplicates.candidates(account.facts(), List.of(), id);
	}

	// ---- account team

	@Transactional(readOnly = true)
	public List<TeamMemberView> team(long accountId) {
		visibleAccount(accountId);
		Map<Long, String> names = organisation.userNames();
		return teams.findByAccountId(accountId)
			.stream()
			.map(m -> new TeamMemberView(m.getId(), m.getUserId(), names.get(m.getUserId()), m.getRole()))
			.toList();
	}

	public void addTeamMember(long accountId, long userId, TeamRole role) {
		if (disposableAccount(accountId).isInPool()) {
			throw BusinessRuleException.general("account.poolHasNoTeam");
		}
		activeUser(userId);
		if (role == null) {
			throw new BusinessRuleException("role", "validation.required");
		}
		teams.findByAccountIdAndUserId(accountId, userId)
			.ifPresentOrElse(member -> member.changeRole(role),
					() -> teams.save(new AccountTeamMember(accountId, userId, role)));
	}

	public void removeTeamMember(long accountId, long memberId) {
		disposableAccount(accountId);
		teams.findById(memberId).filter(m -> m.getAccountId() == accountId).ifPresent(teams::delete);
	}

	/** Ends an account's team: a pool account has none, so nobody keeps access through it once it is claimed. */
	void dissolveTeam(long accountId) {
		teams.deleteAll(teams.findByAccountId(accountId));
	}

	/** Everyone within the current user's data scope, disabled staff too (leavers), by name: for the handover. */
	@Transactional(readOnly = true)
	public List<User> staffInScope() {
		VisibleRecords scope = currentUser.visibleRecords();
		return organisation.users(new Organisation.UserQuery(null, null, null),
				PageRequest.of(0, 1000, Sort.by("displayName")))
			.stream()
			.filter(u -> scope.includes(u.getId(), u.getUnitId()))
			.toList();
	}

	/** The users the current user may make owner of accounts, for forms: see {@link #assignableOwner}. */
	@Transactional(readOnly = true)
	public List<User> assignableOwners() {
		VisibleRecords scope = currentUser.visibleRecords();
		return organisation.activeUsers().stream().filter(u -> scope.includes(u.getId(), u.getUnitId())).toList();
	}

	// ---- helpers

	/**
	 * A user the current user may make owner of accounts: enabled and within his data scope, as an import checks
	 * its owner column.
	 */
	private User assignableOwner(String field, long userId) {
		User user = organisation.findUser(userId)
			.orElseThrow(() -> new BusinessRuleException(field, "account.ownerUnknown"));
		if (!currentUser.visibleRecords().includes(user.getId(), user.getUnitId())) {
			throw new BusinessRuleException(field, "account.userOutOfScope", user.getDisplayName());
		}
		if (!user.isEnabled()) {
			throw new BusinessRuleException(field, "account.userDisabled", user.getDisplayName());
		}
		return user;
	}

	private User activeUser(long userId) {
		User user = organisation.user(userId);
		if (!user.isEnabled()) {
			throw new BusinessRuleException("toUserId", "account.userDisabled", user.getDisplayName());
		}
		return user;
	}

	private void requireUniqueCreditCode(String creditCode, Long exceptId) {
		if (creditCode == null || creditCode.isBlank()) {
			return;
		}
		for (Object[] holder : accounts.findAnyByCreditCode(TenantContext.currentTenant(), creditCode)) {
			if (holder[2] != null) {
				throw new BusinessRuleException("creditCode", "account.creditCodeInRecycleBin", creditCode);
			}
			long holderId = ((Number) holder[0]).longValue();
			if (exceptId == null || holderId != exceptId) {
				// the holder is named only to those who may see it (ADR 0004)
				throw findVisible(holderId).isPresent()
						? new BusinessRuleException("creditCode", "account.creditCodeTaken", creditCode, holder[1])
						: new BusinessRuleException("creditCode", "account.creditCodeTakenUnseen", creditCode);
			}
		}
	}

	private Long checkParent(Long id, Long parentId) {
		if (parentId == null) {
			return null;
		}
		// a parent the user may not see does not exist for him (ADR 0004)
		if (findVisible(parentId).isEmpty()) {
			throw new BusinessRuleException("parentId", "account.parentMissing");
		}
		Long cursor = parentId;
		for (int depth = 0; cursor != null && depth < 20; depth++) {
			if (cursor.equals(id)) {
				throw new BusinessRuleException("parentId", "account.parentCycle");
			}
			cursor = accounts.findById(cursor).orElseThrow(() -> new BusinessRuleException("parentId",
					"account.parentMissing")).getParentId();
		}
		return parentId;
	}

	/** The city's name, or the province's when the city is not known. */
	private String regionName(String cityCode, String provinceCode) {
		String region = regions.name(cityCode);
		return region.isEmpty() ? regions.name(provinceCode) : region;
	}

	/** Days until the pool rule reclaims the account; null when it never will (pool off, key account, in pool). */
	private static Integer daysUntilPool(boolean keyAccount, boolean inPool, Instant lastFollowUpAt, Instant createdAt,
			PoolSettings pool) {
		if (!pool.enabled() || keyAccount || inPool) {
			return null;
		}
		Instant since = lastFollowUpAt != null ? lastFollowUpAt : createdAt;
		if (since == null) {
			return null;
		}
		long idle = ChronoUnit.DAYS.between(since.atZone(ZoneId.systemDefault()).toLocalDate(), LocalDate.now());
		return (int) Math.max(0, pool.afterDays() - idle);
	}

	/** A change of an account's owner: a name for each side, unless the pool was that side. */
	public record OwnershipChange(Instant at, TransferKind kind, String fromName, boolean fromPool, String toName,
			boolean toPool, String actorName, boolean bySystem, String reason) {
	}

	public record TeamMemberView(long id, long userId, String name, TeamRole role) {
	}

}

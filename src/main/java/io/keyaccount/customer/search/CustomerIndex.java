package io.keyaccount.customer.search;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

import jakarta.persistence.EntityManager;
import org.hibernate.engine.spi.SessionImplementor;
import org.hibernate.search.engine.search.predicate.dsl.PredicateFinalStep;
import org.hibernate.search.engine.search.predicate.dsl.SearchPredicateFactory;
import org.hibernate.search.engine.search.query.SearchResult;
import org.hibernate.search.engine.search.sort.dsl.CompositeSortComponentsStep;
import org.hibernate.search.engine.search.sort.dsl.SearchSortFactory;
import org.hibernate.search.engine.search.sort.dsl.SortFinalStep;
import org.hibernate.search.mapper.orm.Search;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

import io.keyaccount.customer.AccountQuery;
import io.keyaccount.customer.AccountQuery.View;
import io.keyaccount.customer.BuyingRole;
import io.keyaccount.customer.domain.Account;
import io.keyaccount.customer.domain.Contact;
import io.keyaccount.customer.search.SearchTerms.Term;
import io.keyaccount.platform.organisation.DataScope;
import io.keyaccount.platform.security.VisibleRecords;
import io.keyaccount.platform.tenancy.TenantContext;

/**
 * Keyword search over the customer indexes. Each query carries the caller's data scope (owner, owner unit,
 * team membership) and the list's filters and sort, so the index returns exactly one page of ids of what the
 * user may see, with the exact total; callers load that page from the database. The queries need no database
 * transaction: they join the caller's, or run without one.
 */
@Service
@Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
public class CustomerIndex {

	private static final Map<String, String> ACCOUNT_SORTS = Map.of("name", AccountDocument.SORT_NAME, "createdAt",
			AccountDocument.CREATED_AT, "updatedAt", AccountDocument.UPDATED_AT, "lastFollowUpAt",
			AccountDocument.LAST_FOLLOW_UP_AT, "nextFollowUpOn", AccountDocument.NEXT_FOLLOW_UP_ON, "status",
			AccountDocument.STATUS);

	private static final Map<String, String> CONTACT_SORTS = Map.of("name", ContactDocument.SORT_NAME, "updatedAt",
			ContactDocument.UPDATED_AT);

	private final EntityManager entityManager;

	private final IndexRebuild rebuild;

	CustomerIndex(EntityManager entityManager, IndexRebuild rebuild) {
		this.entityManager = entityManager;
		this.rebuild = rebuild;
	}

	/**
	 * One page of the accounts matching the query's keyword, view and filters that {@code visible} allows.
	 * {@code ownerUnits} is the query's owner unit with the units below it (empty when the query has none).
	 * Sorted as the page asks, by relevance when it does not.
	 */
	public IdPage accounts(AccountQuery query, VisibleRecords visible, Set<Long> ownerUnits, Pageable pageable) {
		SearchResult<Long> result = Search.session(entityManager)
			.search(Account.class)
			.select(f -> f.id(Long.class))
			.where(f -> accountPredicate(f, query, visible, ownerUnits))
			.sort(f -> sort(f, pageable.getSort(), ACCOUNT_SORTS, AccountDocument.ID))
			.fetch(Math.toIntExact(pageable.getOffset()), pageable.getPageSize());
		return new IdPage(result.hits(), result.total().hitCount());
	}

	/**
	 * How many accounts the query's view and filters (and keyword, if any) select for this user, counting no further
	 * than {@code limit}; empty while the tenant's index is rebuilt and lacks some of its accounts. Lucene counts a
	 * list's filters over postings, where H2 evaluated every condition on each of up to 10,000 rows (nine tenths
	 * of a filtered list's time at 1,000,000 accounts).
	 */
	public OptionalLong countAccounts(AccountQuery query, VisibleRecords visible, Set<Long> ownerUnits, long limit) {
		if (rebuild.isRebuilding(TenantContext.currentTenant())) {
			return OptionalLong.empty();
		}
		SearchResult<Long> result = Search.session(entityManager)
			.search(Account.class)
			.select(f -> f.id(Long.class))
			.where(f -> accountPredicate(f, query, visible, ownerUnits))
			.totalHitCountThreshold(limit)
			// one hit, not none: without hits Hibernate Search counts every match, whatever the threshold; with
			// one, Lucene stops counting at the threshold
			.fetch(1);
		return OptionalLong.of(Math.min(result.total().hitCountLowerBound(), limit));
	}

	/** Ids of the best matching accounts, at most {@code limit}: for exports and other whole-list uses. */
	public List<Long> accountIds(AccountQuery query, VisibleRecords visible, Set<Long> ownerUnits, int limit) {
		return Search.session(entityManager)
			.search(Account.class)
			.select(f -> f.id(Long.class))
			.where(f -> accountPredicate(f, query, visible, ownerUnits))
			.fetchHits(limit);
	}

	/** Accounts for the global search: listed ones the user may see, and the shared pool, best match first. */
	public List<Long> topAccounts(String keyword, VisibleRecords visible, int limit) {
		List<Term> terms = SearchTerms.parse(keyword);
		if (terms.isEmpty()) {
			return List.of();
		}
		return Search.session(entityManager)
			.search(Account.class)
			.select(f -> f.id(Long.class))
			.where(f -> {
				var bool = f.bool();
				terms.forEach(term -> bool.must(accountTerm(f, term)));
				bool.filter(f.or(visibleAccounts(f, visible), f.match().field(AccountDocument.IN_POOL).matching(true)));
				return bool;
			})
			.fetchHits(limit);
	}

	/** One page of the contacts matching the keyword (and buying role) on accounts the user may see. */
	public IdPage contacts(String keyword, BuyingRole buyingRole, VisibleRecords visible, Pageable pageable) {
		SearchResult<Long> result = Search.session(entityManager)
			.search(Contact.class)
			.select(f -> f.id(Long.class))
			.where(f -> contactPredicate(f, keyword, buyingRole, visible))
			.sort(f -> sort(f, pageable.getSort(), CONTACT_SORTS, ContactDocument.ID))
			.fetch(Math.toIntExact(pageable.getOffset()), pageable.getPageSize());
		return new IdPage(result.hits(), result.total().hitCount());
	}

	/**
	 * Re-indexes accounts (and their contacts) changed outside Hibernate, for example by SQL or a restore from
	 * the recycle bin. Takes effect when the current transaction commits.
	 */
	@Transactional
	public void reindexAccounts(Collection<Long> accountIds) {
		SessionImplementor session = entityManager.unwrap(SessionImplementor.class);
		for (Long id : accountIds) {
			RelatedDocuments.reindexAccount(session, id);
			RelatedDocuments.reindexContactsOf(session, id);
		}
	}

	/** Re-indexes a contact changed outside Hibernate, and its account. */
	@Transactional
	public void reindexContact(long contactId) {
		Contact contact = entityManager.find(Contact.class, contactId);
		if (contact != null) {
			Search.session(entityManager).indexingPlan().addOrUpdate(contact);
			RelatedDocuments.reindexAccount(entityManager.unwrap(SessionImplementor.class), contact.getAccountId());
		}
	}

	private static PredicateFinalStep accountPredicate(SearchPredicateFactory f, AccountQuery query,
			VisibleRecords visible, Set<Long> ownerUnits) {
		var bool = f.bool();
		SearchTerms.parse(query.keyword()).forEach(term -> bool.must(accountTerm(f, term)));
		View view = query.view() == null ? View.ALL : query.view();
		var notInPool = f.match().field(AccountDocument.IN_POOL).matching(false);
		var mine = f.match().field(AccountDocument.OWNER_USER).matching(visible.userId());
		switch (view) {
			case POOL -> bool.filter(f.match().field(AccountDocument.IN_POOL).matching(true));
			case MINE -> bool.filter(notInPool).filter(mine);
			case TEAM -> bool.filter(notInPool).filter(f.match().field(AccountDocument.TEAM).matching(visible.userId()));
			case UNIT -> bool.filter(notInPool).filter(visibleAccounts(f, visible)).mustNot(mine);
			case ALL -> bool.filter(notInPool).filter(visibleAccounts(f, visible));
		}
		if (query.status() != null) {
			bool.filter(f.match().field(AccountDocument.STATUS).matching(query.status().name()));
		}
		if (query.industry() != null) {
			bool.filter(f.match().field(AccountDocument.INDUSTRY).matching(query.industry().name()));
		}
		if (StringUtils.hasText(query.provinceCode())) {
			bool.filter(f.match().field(AccountDocument.PROVINCE).matching(query.provinceCode()));
		}
		if (query.ownerUserId() != null) {
			bool.filter(f.match().field(AccountDocument.OWNER_USER).matching(query.ownerUserId()));
		}
		if (query.ownerUnitId() != null) {
			bool.filter(ownerUnits.isEmpty() ? f.matchNone()
					: f.terms().field(AccountDocument.OWNER_UNIT).matchingAny(ownerUnits));
		}
		if (StringUtils.hasText(query.tag())) {
			bool.filter(f.match().field(AccountDocument.TAG).matching(query.tag().trim()));
		}
		if (query.keyAccount() != null) {
			bool.filter(f.match().field(AccountDocument.KEY_ACCOUNT).matching(query.keyAccount()));
		}
		return bool;
	}

	/** The data scope over owner and owner unit, or membership of the account's team. */
	private static PredicateFinalStep visibleAccounts(SearchPredicateFactory f, VisibleRecords visible) {
		return scope(f, visible, AccountDocument.OWNER_USER, AccountDocument.OWNER_UNIT, AccountDocument.TEAM);
	}

	private static PredicateFinalStep scope(SearchPredicateFactory f, VisibleRecords visible, String ownerUser,
			String ownerUnit, String team) {
		if (visible.scope() == DataScope.ALL) {
			return f.matchAll();
		}
		var any = f.or()
			.add(f.match().field(ownerUser).matching(visible.userId()))
			.add(f.match().field(team).matching(visible.userId()));
		if (visible.scope() != DataScope.OWN && !visible.unitIds().isEmpty()) {
			any.add(f.terms().field(ownerUnit).matchingAny(visible.unitIds()));
		}
		return any;
	}

	/**
	 * One typed term against an account: Chinese as a phrase of character pairs in names, contact names and
	 * notes; Latin letters as pinyin (full or initials) of the account's and its contacts' names, as words of
	 * the names, as an e-mail prefix; with digits, as a phone-number or credit-code prefix.
	 */
	private static PredicateFinalStep accountTerm(SearchPredicateFactory f, Term term) {
		if (term.chinese()) {
			return f.or()
				.add(f.phrase().field(AccountDocument.NAME).matching(term.text()).boost(4))
				.add(f.phrase().field(AccountDocument.SHORT_NAME).matching(term.text()).boost(3))
				.add(f.phrase().field(AccountDocument.CONTACT_NAME).matching(term.text()).boost(2))
				.add(f.phrase().field(AccountDocument.NOTES).matching(term.text()));
		}
		var any = f.or()
			.add(prefixOf(f, AccountDocument.PINYIN, term.pinyin(), 3))
			.add(prefixOf(f, AccountDocument.CONTACT_PINYIN, term.pinyin(), 1.5f))
			.add(f.match().fields(AccountDocument.NAME, AccountDocument.SHORT_NAME).matching(term.text()).boost(4))
			.add(f.match().field(AccountDocument.CONTACT_NAME).matching(term.text()).boost(2))
			.add(prefixOf(f, AccountDocument.EMAIL, term.email(), 1));
		if (term.longerThanIndexedInitials()) {
			any.add(prefixOf(f, AccountDocument.PINYIN, term.initials(), 3))
				.add(prefixOf(f, AccountDocument.CONTACT_PINYIN, term.initials(), 1.5f));
		}
		if (term.searchesNumbers()) {
			any.add(prefixOf(f, AccountDocument.NUMBER, term.number(), 2));
		}
		return any;
	}

	/**
	 * Input against a pinyin, number or e-mail field: one indexed prefix when short, else a prefix query on the whole
	 * values, which that many characters narrow to a few terms. Scored alike, so a long input ranks as a short one
	 * did.
	 */
	private static PredicateFinalStep prefixOf(SearchPredicateFactory f, String field, String input, float boost) {
		if (input.length() <= SearchTerms.INDEXED_PREFIX) {
			return f.match().field(field).matching(input).constantScore().boost(boost);
		}
		return f.prefix().field(field).matching(input).constantScore().boost(boost);
	}

	private static PredicateFinalStep contactPredicate(SearchPredicateFactory f, String keyword,
			BuyingRole buyingRole, VisibleRecords visible) {
		var bool = f.bool();
		for (Term term : SearchTerms.parse(keyword)) {
			bool.must(contactTerm(f, term));
		}
		bool.filter(f.match().field(ContactDocument.LISTED).matching(true));
		bool.filter(scope(f, visible, ContactDocument.OWNER_USER, ContactDocument.OWNER_UNIT, ContactDocument.TEAM));
		if (buyingRole != null) {
			bool.filter(f.match().field(ContactDocument.BUYING_ROLE).matching(buyingRole.name()));
		}
		return bool;
	}

	private static PredicateFinalStep contactTerm(SearchPredicateFactory f, Term term) {
		if (term.chinese()) {
			return f.or()
				.add(f.phrase().field(ContactDocument.NAME).matching(term.text()).boost(4))
				.add(f.phrase().field(ContactDocument.NOTES).matching(term.text()));
		}
		var any = f.or()
			.add(prefixOf(f, ContactDocument.PINYIN, term.pinyin(), 3))
			.add(f.match().field(ContactDocument.NAME).matching(term.text()).boost(4))
			.add(prefixOf(f, ContactDocument.EMAIL, term.email(), 1));
		if (term.longerThanIndexedInitials()) {
			any.add(prefixOf(f, ContactDocument.PINYIN, term.initials(), 3));
		}
		if (term.searchesNumbers()) {
			any.add(prefixOf(f, ContactDocument.NUMBER, term.number(), 2));
		}
		return any;
	}

	/** The page's sort on indexed fields (missing values last), then id, so pages never overlap. */
	private static SortFinalStep sort(SearchSortFactory f, Sort sort, Map<String, String> fields, String idField) {
		CompositeSortComponentsStep<?, ?> composite = f.composite();
		boolean any = false;
		for (Sort.Order order : sort) {
			String field = fields.get(order.getProperty());
			if (field != null) {
				composite.add(order.isAscending() ? f.field(field).asc().missing().last()
						: f.field(field).desc().missing().last());
				any = true;
			}
		}
		if (!any) {
			composite.add(f.score());
		}
		composite.add(f.field(idField).desc());
		return composite;
	}

	/** A page of ids in order, and how many match in all. */
	public record IdPage(List<Long> ids, long total) {
	}

}

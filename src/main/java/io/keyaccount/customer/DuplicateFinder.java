package io.keyaccount.customer;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.keyaccount.customer.domain.AccountAccess;
import io.keyaccount.customer.domain.AccountTeamMembers;
import io.keyaccount.customer.domain.CompanyNames;
import io.keyaccount.platform.security.CurrentUser;
import io.keyaccount.platform.tenancy.TenantContext;

/**
 * Likely duplicates of an account: the same credit code, the same or a very similar name once legal suffixes are
 * removed, or the same phone (the account's, or a contact's mobile). Searches the whole tenant, not only what the
 * user sees, because a duplicate hidden in a colleague's list is still a duplicate; but a candidate the user may not
 * see is told only as "an account you cannot see", without its id, name or owner (ADR 0004).
 * <p>
 * Its reads are SQL naming the tenant, sent with {@link JdbcClient}: as JPQL each was translated anew on every call
 * under the tenant filter (docs/adr/0010), and as Hibernate native queries each mapped its result set anew on every
 * call, a cost every create pays six times.
 */
@Component
public class DuplicateFinder {

	private static final String LIVE = "a.tenant_id = :tenant and a.deleted_at is null";

	private final OwnerNames ownerNames;

	private final JdbcClient jdbc;

	private final CurrentUser currentUser;

	private final AccountTeamMembers teams;

	DuplicateFinder(OwnerNames ownerNames, JdbcClient jdbc, CurrentUser currentUser, AccountTeamMembers teams) {
		this.ownerNames = ownerNames;
		this.jdbc = jdbc;
		this.currentUser = currentUser;
		this.teams = teams;
	}

	@Transactional(readOnly = true)
	public List<Candidate> candidates(AccountFacts facts, Collection<String> contactMobiles, Long exceptId) {
		long tenant = TenantContext.currentTenant();
		Map<Long, DuplicateReason> found = new LinkedHashMap<>();
		if (facts.creditCode() != null && !facts.creditCode().isBlank()) {
			jdbc.sql("select a.id from account a where " + LIVE + " and a.credit_code = :code")
				.param("tenant", tenant)
				.param("code", facts.creditCode().trim())
				.query(Long.class)
				.list()
				.forEach(id -> found.putIfAbsent(id, DuplicateReason.CREDIT_CODE));
		}
		String normalized = CompanyNames.normalize(facts.name());
		if (normalized.length() >= 2) {
			String start = normalized.substring(0, 2);
			Set<Long> similar = new TreeSet<>();
			for (NameKey key : nameCandidateKeys(tenant, normalized)) {
				if (key.name().startsWith(start) && CompanyNames.similarNormalized(key.name(), normalized)) {
					similar.add(key.id());
				}
			}
			similar.forEach(id -> found.putIfAbsent(id, DuplicateReason.NAME));
		}
		List<String> phones = new ArrayList<>();
		if (facts.phone() != null && !facts.phone().isBlank()) {
			phones.add(facts.phone().trim());
		}
		contactMobiles.stream().filter(Objects::nonNull).forEach(phones::add);
		if (!phones.isEmpty()) {
			jdbc.sql("select a.id from account a where " + LIVE + " and a.phone in (:phones)")
				.param("tenant", tenant)
				.param("phones", phones)
				.query(Long.class)
				.list()
				.forEach(id -> found.putIfAbsent(id, DuplicateReason.PHONE));
			jdbc.sql("""
					select distinct c.account_id from contact c
					where c.tenant_id = :tenant and c.deleted_at is null and c.mobile in (:phones)""")
				.param("tenant", tenant)
				.param("phones", phones)
				.query(Long.class)
				.list()
				.forEach(id -> found.putIfAbsent(id, DuplicateReason.PHONE));
		}
		if (exceptId != null) {
			found.remove(exceptId);
		}
		if (found.isEmpty()) {
			return List.of();
		}
		AccountAccess access = AccountAccess.of(currentUser.visibleRecords(), teams);
		Map<Long, NamedAccount> accountsFound = new HashMap<>();
		jdbc.sql("select a.id, a.name, a.owner_user_id, a.owner_unit_id, a.in_pool from account a where " + LIVE
				+ " and a.id in (:ids)")
			.param("tenant", tenant)
			.param("ids", found.keySet())
			.query((rs, row) -> new NamedAccount(rs.getLong(1), rs.getString(2), rs.getLong(3),
					access.maySee(rs.getLong(1), rs.getBoolean(5), rs.getLong(3), rs.getLong(4))))
			.list()
			.forEach(account -> accountsFound.put(account.id(), account));
		Map<Long, String> owners = ownerNames
			.users(accountsFound.values().stream().map(NamedAccount::ownerUserId).toList());
		return found.entrySet()
			.stream()
			.filter(f -> accountsFound.containsKey(f.getKey()))
			.map(f -> {
				NamedAccount account = accountsFound.get(f.getKey());
				return account.seen()
						? new Candidate(f.getKey(), account.name(), owners.get(account.ownerUserId()), f.getValue())
						: Candidate.unseen(f.getValue());
			})
			.toList();
	}

	/**
	 * Ids and normalised names of the accounts whose names may be similar to {@code normalized}, read from indexes of
	 * the names alone, so that only the similar accounts are loaded. A similar name (one character apart, or one
	 * containing the other) either is found by an exact lookup ({@link CompanyNames#nearNames}), or keeps the first
	 * half of the name, or its first two characters and its second half: names beginning with the first half come
	 * from one index range, names beginning with the same two characters and ending with the second half from another
	 * ({@link CompanyNames#endKey}, V23). A longer name containing this one in its middle is not found.
	 * Names of up to four characters have no halves worth a range: they read every name beginning with the same two
	 * characters and let the database filter them.
	 */
	private List<NameKey> nameCandidateKeys(long tenant, String normalized) {
		List<NameKey> keys = new ArrayList<>(withNormalizedNameIn(tenant, CompanyNames.nearNames(normalized)));
		int length = normalized.length();
		String start = normalized.substring(0, 2) + "%";
		if (length >= 5) {
			int half = (length + 1) / 2;
			keys.addAll(nameKeys("a.normalized_name like :start", Map.of("tenant", tenant,
					"start", normalized.substring(0, half) + "%")));
			String end = normalized.substring(half);
			keys.addAll(nameKeys("a.name_end_key like :endKey", Map.of("tenant", tenant,
					"endKey", CompanyNames.endKey(normalized.substring(0, 2) + end) + "%")));
		}
		else {
			// one character apart at most (one longer, shorter or as long, keeping the first or the second half),
			// or one name containing the other: necessary conditions of similarity the database applies, so that a
			// prefix a whole city's companies share does not load them all
			int half = length / 2;
			keys.addAll(nameKeys("""
					a.normalized_name like :start
					and (length(a.normalized_name) between :shortest and :longest
					     and (a.normalized_name like :head or a.normalized_name like :tail)
					     or a.normalized_name like :containing or position(a.normalized_name in :normalized) > 0)""",
					Map.of("tenant", tenant, "start", start, "shortest", length - 1, "longest", length + 1, "head",
							normalized.substring(0, half) + "%", "tail", "%" + normalized.substring(half),
							"containing", "%" + normalized + "%", "normalized", normalized)));
		}
		return keys;
	}

	private List<NameKey> nameKeys(String condition, Map<String, ?> params) {
		return jdbc.sql("select a.id, a.normalized_name from account a where " + LIVE + " and " + condition)
			.params(params)
			.query(NameKey.ROW)
			.list();
	}

	/**
	 * Ids and normalised names of the accounts with one of these normalised names. Asked as pairs of tenant and
	 * name, which H2 looks up one by one in the (tenant_id, normalized_name) index: of a list of names alone beside
	 * the tenant it uses only the tenant, and read every name of the tenant (180 ms at 1,000,000 accounts).
	 * PostgreSQL looks the pairs up in the same index.
	 */
	private List<NameKey> withNormalizedNameIn(long tenant, Collection<String> names) {
		List<Object> args = new ArrayList<>(names.size() * 2);
		names.forEach(name -> {
			args.add(tenant);
			args.add(name);
		});
		return jdbc.sql("select a.id, a.normalized_name from account a where (a.tenant_id, a.normalized_name) in ("
				+ String.join(", ", Collections.nCopies(names.size(), "(?, ?)")) + ") and a.deleted_at is null")
			.params(args)
			.query(NameKey.ROW)
			.list();
	}

	/** An account's id and normalized name, as {@code select a.id, a.normalized_name} reads them. */
	private record NameKey(long id, String name) {

		static final RowMapper<NameKey> ROW = (rs, row) -> new NameKey(rs.getLong(1), rs.getString(2));

	}

	private record NamedAccount(long id, String name, long ownerUserId, boolean seen) {
	}

	/** A likely duplicate; one the user may not see has neither id, name nor owner ({@link #seen()} is false). */
	public record Candidate(Long id, String name, String ownerName, DuplicateReason reason) {

		static Candidate unseen(DuplicateReason reason) {
			return new Candidate(null, null, null, reason);
		}

		public boolean seen() {
			return id != null;
		}

	}

	public enum DuplicateReason implements io.keyaccount.platform.web.Labelled {

		CREDIT_CODE, NAME, PHONE

	}

}

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

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.keyaccount.customer.domain.Accounts;
import io.keyaccount.customer.domain.CompanyNames;
import io.keyaccount.customer.domain.Contacts;
import io.keyaccount.platform.tenancy.TenantContext;

/**
 * Likely duplicates of an account: the same credit code, the same or a very similar name once legal suffixes are
 * removed, or the same phone (the account's, or a contact's mobile). Searches the whole tenant, not only what the
 * user sees, because a duplicate hidden in a colleague's list is still a duplicate.
 */
@Component
public class DuplicateFinder {

	private final Accounts accounts;

	private final Contacts contacts;

	private final OwnerNames ownerNames;

	private final JdbcTemplate jdbc;

	DuplicateFinder(Accounts accounts, Contacts contacts, OwnerNames ownerNames, JdbcTemplate jdbc) {
		this.accounts = accounts;
		this.contacts = contacts;
		this.ownerNames = ownerNames;
		this.jdbc = jdbc;
	}

	@Transactional(readOnly = true)
	public List<Candidate> candidates(AccountFacts facts, Collection<String> contactMobiles, Long exceptId) {
		long tenant = TenantContext.currentTenant();
		Map<Long, DuplicateReason> found = new LinkedHashMap<>();
		if (facts.creditCode() != null && !facts.creditCode().isBlank()) {
			accounts.findAnyByCreditCode(tenant, facts.creditCode().trim())
				.stream()
				.filter(row -> row[2] == null)
				.forEach(row -> found.putIfAbsent(((Number) row[0]).longValue(), DuplicateReason.CREDIT_CODE));
		}
		String normalized = CompanyNames.normalize(facts.name());
		if (normalized.length() >= 2) {
			String start = normalized.substring(0, 2);
			Set<Long> similar = new TreeSet<>();
			for (Object[] key : nameCandidateKeys(tenant, normalized)) {
				String name = (String) key[1];
				if (name.startsWith(start) && CompanyNames.similarNormalized(name, normalized)) {
					similar.add(((Number) key[0]).longValue());
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
			accounts.findIdsByPhones(tenant, phones).forEach(id -> found.putIfAbsent(id, DuplicateReason.PHONE));
			contacts.findAccountIdsByMobiles(tenant, phones).forEach(id -> found.putIfAbsent(id, DuplicateReason.PHONE));
		}
		if (exceptId != null) {
			found.remove(exceptId);
		}
		if (found.isEmpty()) {
			return List.of();
		}
		Map<Long, Object[]> accountsFound = new HashMap<>();
		accounts.findNamesAndOwners(tenant, found.keySet())
			.forEach(row -> accountsFound.put(((Number) row[0]).longValue(), row));
		Map<Long, String> owners = ownerNames
			.users(accountsFound.values().stream().map(row -> ((Number) row[2]).longValue()).toList());
		return found.entrySet()
			.stream()
			.filter(f -> accountsFound.containsKey(f.getKey()))
			.map(f -> {
				Object[] account = accountsFound.get(f.getKey());
				return new Candidate(f.getKey(), (String) account[1], owners.get(((Number) account[2]).longValue()),
						f.getValue());
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
	private List<Object[]> nameCandidateKeys(long tenant, String normalized) {
		List<Object[]> keys = new ArrayList<>(withNormalizedNameIn(tenant, CompanyNames.nearNames(normalized)));
		int length = normalized.length();
		String start = normalized.substring(0, 2) + "%";
		if (length >= 5) {
			int half = (length + 1) / 2;
			keys.addAll(accounts.findKeysByNameStart(tenant, normalized.substring(0, half) + "%"));
			String end = normalized.substring(half);
			keys.addAll(accounts.findKeysByNameEnd(tenant, CompanyNames.endKey(normalized.substring(0, 2) + end) + "%"));
		}
		else {
			int half = length / 2;
			keys.addAll(accounts.findNameCandidateKeys(tenant, normalized, start, length - 1, length + 1,
					normalized.substring(0, half) + "%", "%" + normalized.substring(half), "%" + normalized + "%"));
		}
		return keys;
	}

	/**
	 * Ids and normalised names of the accounts with one of these normalised names. Asked as pairs of tenant and
	 * name, which H2 looks up one by one in the (tenant_id, normalized_name) index: of a list of names alone beside
	 * the tenant it uses only the tenant, and read every name of the tenant (180 ms at 1,000,000 accounts).
	 * PostgreSQL looks the pairs up in the same index.
	 */
	private List<Object[]> withNormalizedNameIn(long tenant, Collection<String> names) {
		List<Object> args = new ArrayList<>(names.size() * 2);
		names.forEach(name -> {
			args.add(tenant);
			args.add(name);
		});
		return jdbc.query("select a.id, a.normalized_name from account a where (a.tenant_id, a.normalized_name) in ("
				+ String.join(", ", Collections.nCopies(names.size(), "(?, ?)")) + ") and a.deleted_at is null",
				(rs, row) -> new Object[] { rs.getLong(1), rs.getString(2) }, args.toArray());
	}

	public record Candidate(long id, String name, String ownerName, DuplicateReason reason) {
	}

	public enum DuplicateReason implements io.keyaccount.platform.web.Labelled {

		CREDIT_CODE, NAME, PHONE

	}

}

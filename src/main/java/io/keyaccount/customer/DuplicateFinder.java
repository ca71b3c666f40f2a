package io.keyaccount.customer;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.keyaccount.customer.domain.Account;
import io.keyaccount.customer.domain.Accounts;
import io.keyaccount.customer.domain.CompanyNames;
import io.keyaccount.customer.domain.Contacts;

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

	DuplicateFinder(Accounts accounts, Contacts contacts, OwnerNames ownerNames) {
		this.accounts = accounts;
		this.contacts = contacts;
		this.ownerNames = ownerNames;
	}

	@Transactional(readOnly = true)
	public List<Candidate> candidates(AccountFacts facts, Collection<String> contactMobiles, Long exceptId) {
		Map<Long, Found> found = new LinkedHashMap<>();
		if (facts.creditCode() != null && !facts.creditCode().isBlank()) {
			accounts.findByCreditCode(facts.creditCode())
				.ifPresent(a -> found.putIfAbsent(a.getId(), new Found(a, DuplicateReason.CREDIT_CODE)));
		}
		String normalized = CompanyNames.normalize(facts.name());
		if (normalized.length() >= 2) {
			String start = normalized.substring(0, 2);
			Set<Long> similar = new TreeSet<>();
			for (Object[] key : nameCandidateKeys(normalized)) {
				String name = (String) key[1];
				if (name.startsWith(start) && CompanyNames.similarNormalized(name, normalized)) {
					similar.add((Long) key[0]);
				}
			}
			for (Account a : similar.isEmpty() ? List.<Account>of() : accounts.findAllById(similar)) {
				found.putIfAbsent(a.getId(), new Found(a, DuplicateReason.NAME));
			}
		}
		List<String> phones = new ArrayList<>();
		if (facts.phone() != null && !facts.phone().isBlank()) {
			phones.add(facts.phone().trim());
		}
		contactMobiles.stream().filter(Objects::nonNull).forEach(phones::add);
		if (!phones.isEmpty()) {
			accounts.findByPhones(phones).forEach(a -> found.putIfAbsent(a.getId(), new Found(a, DuplicateReason.PHONE)));
			contacts.findByMobileIn(phones)
				.forEach(c -> accounts.findById(c.getAccountId())
					.ifPresent(a -> found.putIfAbsent(a.getId(), new Found(a, DuplicateReason.PHONE))));
		}
		if (exceptId != null) {
			found.remove(exceptId);
		}
		if (found.isEmpty()) {
			return List.of();
		}
		Map<Long, String> owners = ownerNames.owners(found.values().stream().map(Found::account).toList());
		return found.values()
			.stream()
			.map(f -> new Candidate(f.account().getId(), f.account().getName(),
					owners.get(f.account().getOwnerUserId()), f.reason()))
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
	private List<Object[]> nameCandidateKeys(String normalized) {
		List<Object[]> keys = new ArrayList<>(accounts.findIdsWithNormalizedNameIn(CompanyNames.nearNames(normalized)));
		int length = normalized.length();
		String start = normalized.substring(0, 2) + "%";
		if (length >= 5) {
			int half = (length + 1) / 2;
			keys.addAll(accounts.findKeysByNameStart(normalized.substring(0, half) + "%"));
			String end = normalized.substring(half);
			keys.addAll(accounts.findKeysByNameEnd(CompanyNames.endKey(normalized.substring(0, 2) + end) + "%"));
		}
		else {
			int half = length / 2;
			keys.addAll(accounts.findNameCandidateKeys(normalized, start, length - 1, length + 1,
					normalized.substring(0, half) + "%", "%" + normalized.substring(half), "%" + normalized + "%"));
		}
		return keys;
	}

	private record Found(Account account, DuplicateReason reason) {
	}

	public record Candidate(long id, String name, String ownerName, DuplicateReason reason) {
	}

	public enum DuplicateReason implements io.keyaccount.platform.web.Labelled {

		CREDIT_CODE, NAME, PHONE

	}

}

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
			String prefix = normalized.substring(0, Math.min(2, normalized.length())) + "%";
			int half = normalized.length() / 2;
			// The names are compared first (an account's normalised name is CompanyNames.normalize of its name), so
			// that only the similar accounts are loaded, not every one sharing a trade and a city.
			Set<Long> similar = new TreeSet<>();
			List<Object[]> keys = new ArrayList<>(accounts.findIdsWithNormalizedName(normalized));
			keys.addAll(accounts.findNameCandidateKeys(normalized, prefix, normalized.length() - 1,
					normalized.length() + 1, normalized.substring(0, half) + "%", "%" + normalized.substring(half),
					"%" + normalized + "%"));
			for (Object[] key : keys) {
				if (CompanyNames.similarNormalized((String) key[1], normalized)) {
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

	private record Found(Account account, DuplicateReason reason) {
	}

	public record Candidate(long id, String name, String ownerName, DuplicateReason reason) {
	}

	public enum DuplicateReason implements io.keyaccount.platform.web.Labelled {

		CREDIT_CODE, NAME, PHONE

	}

}

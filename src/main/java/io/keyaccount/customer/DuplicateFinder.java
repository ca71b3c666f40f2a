package io.keyaccount.customer;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.keyaccount.customer.domain.Account;
import io.keyaccount.customer.domain.Accounts;
import io.keyaccount.customer.domain.CompanyNames;
import io.keyaccount.customer.domain.Contacts;
import io.keyaccount.platform.organisation.Organisation;

/**
 * Likely duplicates of an account: the same credit code, the same or a very similar name once legal suffixes are
 * removed, or the same phone (the account's, or a contact's mobile). Searches the whole tenant, not only what the
 * user sees, because a duplicate hidden in a colleague's list is still a duplicate.
 */
@Component
public class DuplicateFinder {

	private final Accounts accounts;

	private final Contacts contacts;

	private final Organisation organisation;

	DuplicateFinder(Accounts accounts, Contacts contacts, Organisation organisation) {
		this.accounts = accounts;
		this.contacts = contacts;
		this.organisation = organisation;
	}

	@Transactional(readOnly = true)
	public List<Candidate> candidates(AccountFacts facts, Collection<String> contactMobiles, Long exceptId) {
		Map<Long, Candidate> found = new LinkedHashMap<>();
		Map<Long, String> owners = organisation.userNames();
		if (facts.creditCode() != null && !facts.creditCode().isBlank()) {
			accounts.findByCreditCode(facts.creditCode())
				.ifPresent(a -> found.putIfAbsent(a.getId(), candidate(a, DuplicateReason.CREDIT_CODE, owners)));
		}
		String normalized = CompanyNames.normalize(facts.name());
		if (normalized.length() >= 2) {
			String prefix = normalized.substring(0, Math.min(2, normalized.length())) + "%";
			int half = normalized.length() / 2;
			for (Account a : accounts.findNameCandidates(normalized, prefix, normalized.length() - 1,
					normalized.length() + 1, normalized.substring(0, half) + "%", "%" + normalized.substring(half),
					"%" + normalized + "%")) {
				if (CompanyNames.similar(a.getName(), facts.name())) {
					found.putIfAbsent(a.getId(), candidate(a, DuplicateReason.NAME, owners));
				}
			}
		}
		List<String> phones = new ArrayList<>();
		if (facts.phone() != null && !facts.phone().isBlank()) {
			phones.add(facts.phone().trim());
		}
		contactMobiles.stream().filter(Objects::nonNull).forEach(phones::add);
		if (!phones.isEmpty()) {
			accounts.findByPhones(phones).forEach(a -> found.putIfAbsent(a.getId(), candidate(a, DuplicateReason.PHONE, owners)));
			contacts.findByMobileIn(phones)
				.forEach(c -> accounts.findById(c.getAccountId())
					.ifPresent(a -> found.putIfAbsent(a.getId(), candidate(a, DuplicateReason.PHONE, owners))));
		}
		if (exceptId != null) {
			found.remove(exceptId);
		}
		return List.copyOf(found.values());
	}

	private static Candidate candidate(Account account, DuplicateReason reason, Map<Long, String> owners) {
		return new Candidate(account.getId(), account.getName(), owners.get(account.getOwnerUserId()), reason);
	}

	public record Candidate(long id, String name, String ownerName, DuplicateReason reason) {
	}

	public enum DuplicateReason implements io.keyaccount.platform.web.Labelled {

		CREDIT_CODE, NAME, PHONE

	}

}

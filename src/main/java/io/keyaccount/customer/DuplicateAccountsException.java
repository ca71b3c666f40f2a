package io.keyaccount.customer;

import java.util.List;

import io.keyaccount.platform.validation.BusinessRuleException;

/** Likely duplicates were found; the user decides whether to save anyway. */
public class DuplicateAccountsException extends BusinessRuleException {

	private final transient List<DuplicateFinder.Candidate> candidates;

	public DuplicateAccountsException(List<DuplicateFinder.Candidate> candidates) {
		super("name", "account.possibleDuplicates", candidates.size());
		this.candidates = List.copyOf(candidates);
	}

	public List<DuplicateFinder.Candidate> candidates() {
		return candidates;
	}

}

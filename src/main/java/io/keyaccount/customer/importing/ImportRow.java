package io.keyaccount.customer.importing;

import java.util.ArrayList;
import java.util.List;

import io.keyaccount.customer.AccountFacts;
import io.keyaccount.customer.ContactDetails;

/** One data row of an import: the cells as read, what they mean, and what is wrong with them. */
final class ImportRow {

	final long number;

	final List<String> cells;

	String accountName;

	AccountFacts facts;

	Long ownerUserId;

	ContactDetails contact;

	boolean possibleDuplicate;

	final List<String> problems = new ArrayList<>(2);

	ImportRow(long number, List<String> cells) {
		this.number = number;
		this.cells = cells;
	}

	boolean good() {
		return problems.isEmpty();
	}

	String normalizedMobile() {
		return contact == null ? null : contact.mobile();
	}

}

package io.keyaccount.customer;

import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import io.keyaccount.customer.domain.Account;
import io.keyaccount.platform.organisation.Organisation;

/**
 * The display names of the owners and owner units of the accounts on a page: only those users and units, not every
 * user of the tenant with its roles for each page of 20 rows.
 */
@Component
class OwnerNames {

	private final Organisation organisation;

	OwnerNames(Organisation organisation) {
		this.organisation = organisation;
	}

	/** The names of the owners and owner units of these accounts. */
	Names of(Collection<Account> accounts) {
		return of(accounts.stream().map(Account::getOwnerUserId).toList(),
				accounts.stream().map(Account::getOwnerUnitId).toList());
	}

	/** The names of these owners and owner units. */
	Names of(Collection<Long> ownerUserIds, Collection<Long> ownerUnitIds) {
		return new Names(users(ownerUserIds), organisation.unitNames(ids(ownerUnitIds)));
	}

	/** The names of the owners of these accounts. */
	Map<Long, String> owners(Collection<Account> accounts) {
		return users(accounts.stream().map(Account::getOwnerUserId).toList());
	}

	/** The names of these users. */
	Map<Long, String> users(Collection<Long> userIds) {
		return organisation.userNames(ids(userIds));
	}

	private static Set<Long> ids(Collection<Long> ids) {
		return ids.stream().filter(Objects::nonNull).collect(Collectors.toSet());
	}

	/** User and unit names by id. */
	record Names(Map<Long, String> users, Map<Long, String> units) {
	}

}

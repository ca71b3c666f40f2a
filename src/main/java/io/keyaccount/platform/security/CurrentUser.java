package io.keyaccount.platform.security;

import java.util.Optional;
import java.util.Set;

import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import io.keyaccount.platform.organisation.DataScope;
import io.keyaccount.platform.organisation.Organisation;

/** Who is acting, and which business records their roles let them see. */
@Component
public class CurrentUser {

	private final Organisation organisation;

	CurrentUser(Organisation organisation) {
		this.organisation = organisation;
	}

	public static Optional<KeyaccountUser> signedIn() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof KeyaccountUser user) {
			return Optional.of(user);
		}
		return Optional.empty();
	}

	public KeyaccountUser require() {
		return signedIn().orElseThrow(() -> new AuthenticationCredentialsNotFoundException("not signed in"));
	}

	/** The current user's data scope, resolved to the unit ids it covers. */
	public VisibleRecords visibleRecords() {
		KeyaccountUser user = require();
		return switch (user.dataScope()) {
			case ALL -> new VisibleRecords(DataScope.ALL, user.userId(), Set.of());
			case UNIT_AND_BELOW -> new VisibleRecords(DataScope.UNIT_AND_BELOW, user.userId(),
					organisation.unitAndDescendants(user.unitId()));
			case UNIT -> new VisibleRecords(DataScope.UNIT, user.userId(), Set.of(user.unitId()));
			case OWN -> new VisibleRecords(DataScope.OWN, user.userId(), Set.of());
		};
	}

}

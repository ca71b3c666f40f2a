package io.keyaccount.platform.security;

import java.util.Optional;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The login form's check of a username and password, throttled by {@link LoginAttempts}.
 * <p>
 * An unknown username, a locked user and a wrong password get the same answer after the same work (one password
 * hash), so the login form does not tell which usernames exist. Only the holder of the right password learns that
 * the user is disabled.
 */
@Component
class PasswordSignIn implements AuthenticationProvider {

	private final StaffDirectory staff;

	private final LoginAttempts attempts;

	private final PasswordEncoder passwords;

	/** A hash to check unknown or locked users' passwords against, so that they cost as much as known ones. */
	private final String dummyHash;

	PasswordSignIn(StaffDirectory staff, LoginAttempts attempts, PasswordEncoder passwords) {
		this.staff = staff;
		this.attempts = attempts;
		this.passwords = passwords;
		this.dummyHash = passwords.encode("not a password of anyone");
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String username = StaffDirectory.normalize(authentication.getName());
		String password = authentication.getCredentials() == null ? "" : authentication.getCredentials().toString();
		Optional<KeyaccountUser> user = attempts.admit(username) ? staff.findByUsername(username) : Optional.empty();
		boolean matches = passwords.matches(password, user.map(KeyaccountUser::getPassword).orElse(dummyHash));
		if (user.isEmpty() || !matches) {
			throw new BadCredentialsException("wrong username or password");
		}
		KeyaccountUser signedIn = user.get();
		attempts.succeeded(signedIn.userId());
		if (!signedIn.isEnabled()) {
			throw new DisabledException("disabled");
		}
		return UsernamePasswordAuthenticationToken.authenticated(signedIn, null, signedIn.getAuthorities());
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

}

package io.keyaccount.platform.security;

import java.time.Duration;
import java.util.Collection;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

import io.keyaccount.platform.organisation.StaffAccessChanged;
import io.keyaccount.platform.persistence.CacheInvalidation;

/**
 * Keeps every signed-in session (and API sign-in) on its user's current rights: each request compares the
 * versions its user was signed in with to the user's current ones (docs/security.md). A user disabled, deleted
 * or given a new password is signed out; a user given other roles, another unit, or holding a role that was
 * redefined, gets his rights read again.
 * <p>
 * The current versions are kept for {@link #RECHECK} per user, so this costs one indexed read per user every two
 * seconds. A change on this node is seen at once; a change on another node within {@link #RECHECK}.
 */
@Component
public class SignedInSessions {

	static final Duration RECHECK = Duration.ofSeconds(2);

	private final StaffDirectory staff;

	private final ApiTokens tokens;

	private final SecurityContextRepository sessions = new HttpSessionSecurityContextRepository();

	private final Cache<Long, Optional<SignInVersions>> current = Caffeine.newBuilder()
		.expireAfterWrite(RECHECK)
		.maximumSize(100_000)
		.build();

	SignedInSessions(StaffDirectory staff, ApiTokens tokens) {
		this.staff = staff;
		this.tokens = tokens;
	}

	/**
	 * Brings the request's signed-in user up to date: false if the user may no longer act (the caller then treats
	 * the request as anonymous and ends its session).
	 */
	boolean refresh(HttpServletRequest request, HttpServletResponse response, boolean keepInSession) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !(authentication.getPrincipal() instanceof KeyaccountUser user)) {
			return true;
		}
		Optional<SignInVersions> now = current.get(user.userId(), staff::currentVersions);
		if (now.isEmpty() || now.get().signIn() != user.versions().signIn()) {
			return false;
		}
		if (now.get().rights() != user.versions().rights()) {
			Optional<KeyaccountUser> reloaded = staff.findById(user.userId()).filter(KeyaccountUser::isEnabled);
			if (reloaded.isEmpty()) {
				return false;
			}
			signIn(reloaded.get(), request, response, keepInSession);
		}
		return true;
	}

	/**
	 * After the signed-in user changed his own password: this session goes on (with the new versions), his other
	 * sessions end.
	 */
	public void keepCurrentSession(HttpServletRequest request, HttpServletResponse response) {
		CurrentUser.signedIn()
			.flatMap(user -> staff.findById(user.userId()))
			.ifPresent(user -> signIn(user, request, response, true));
	}

	private void signIn(KeyaccountUser user, HttpServletRequest request, HttpServletResponse response,
			boolean keepInSession) {
		user.eraseCredentials();
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
		SecurityContextHolder.setContext(context);
		if (keepInSession) {
			sessions.saveContext(context, request, response);
		}
	}

	@EventListener
	void on(StaffAccessChanged event) {
		Collection<Long> users = event.userIds();
		CacheInvalidation.forgetNowAndWhenTransactionEnds(() -> {
			current.invalidateAll(users);
			tokens.forgetSignIns();
		});
		if (event.passwordChanged()) {
			users.forEach(tokens::revokeAll);
		}
	}

}

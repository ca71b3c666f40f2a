package io.keyaccount.support;

import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;

/**
 * The demo company's staff, by role: admin (administrator, all), wangjianguo (general manager, all),
 * liming (sales director, unit and below), chenjing / zhaolei (key-account managers, own unit),
 * liuyang / huangting / zhengkai (sales, own records), sunwei (R&D evaluator).
 */
public final class DemoUsers {

	public static final String PASSWORD = "Demo@2026";

	private DemoUsers() {
	}

	/** Signs the request in as a demo user, loaded as at a real login. */
	public static RequestPostProcessor as(UserDetailsService users, String username) {
		return SecurityMockMvcRequestPostProcessors.user(users.loadUserByUsername(username));
	}

	/** Runs service-level code as a demo user. */
	public static void signIn(UserDetailsService users, String username) {
		UserDetails user = users.loadUserByUsername(username);
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
		SecurityContextHolder.setContext(context);
	}

	public static void signOut() {
		SecurityContextHolder.clearContext();
	}

}

package io.keyaccount.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

import io.keyaccount.customer.CustomerPermissions;
import io.keyaccount.platform.StaffMother;
import io.keyaccount.platform.organisation.Organisation;
import io.keyaccount.platform.organisation.User;

/**
 * Password guessing: five tries per user and lock-out, however the tries are sent; the same answer whether the
 * user exists, is locked or typed a wrong password; API tokens unaffected. On H2 ({@code LoginThrottlingTests})
 * and PostgreSQL ({@code LoginThrottlingPostgresIT}), whose row locks serialise the counting.
 */
abstract class LoginThrottlingContract {

	@Autowired
	MockMvc mvc;

	@Autowired
	StaffDirectory staff;

	@Autowired
	LoginAttempts attempts;

	@Autowired
	PasswordEncoder passwords;

	@Autowired
	Organisation organisation;

	@Autowired
	ApiTokens tokens;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	SecurityProperties properties;

	@Test
	void twentyParallelGuessesGetNoMoreThanTheAllowedTries() throws Exception {
		User user = StaffMother.user("burst").withPermissions(CustomerPermissions.VIEW).create(organisation, staff);
		String hash = user.getPasswordHash();
		AtomicInteger triesOfTheRealPassword = new AtomicInteger();
		PasswordEncoder counting = new PasswordEncoder() {
			@Override
			public String encode(CharSequence raw) {
				return passwords.encode(raw);
			}

			@Override
			public boolean matches(CharSequence raw, String encoded) {
				if (hash.equals(encoded)) {
					triesOfTheRealPassword.incrementAndGet();
				}
				return passwords.matches(raw, encoded);
			}
		};
		PasswordSignIn signIn = new PasswordSignIn(staff, attempts, counting);

		List<Boolean> signedIn = inParallel(20, i -> {
			try {
				signIn.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(user.getUsername(), "guess" + i));
				return true;
			}
			catch (AuthenticationException ex) {
				return false;
			}
		});

		assertThat(signedIn).containsOnly(false);
		assertThat(triesOfTheRealPassword).hasValue(properties.maxFailedLogins());
		mvc.perform(formLogin("/login").user(user.getUsername()).password(StaffMother.PASSWORD))
			.andExpect(redirectedUrl("/login?error"));
	}

	@Test
	void parallelWrongPasswordsOnTheLoginFormLockTheUser() throws Exception {
		User user = StaffMother.user("form").withPermissions(CustomerPermissions.VIEW).create(organisation, staff);

		List<String> answers = inParallel(12, i -> mvc
			.perform(formLogin("/login").user(user.getUsername()).password("wrong-" + i))
			.andReturn()
			.getResponse()
			.getRedirectedUrl());

		assertThat(answers).containsOnly("/login?error");
		mvc.perform(formLogin("/login").user(user.getUsername()).password(StaffMother.PASSWORD))
			.andExpect(redirectedUrl("/login?error"));
	}

	@Test
	void unknownLockedAndWrongAreAnsweredAlike() throws Exception {
		User locked = StaffMother.user("locked").withPermissions(CustomerPermissions.VIEW).create(organisation, staff);
		for (int i = 0; i < properties.maxFailedLogins(); i++) {
			mvc.perform(formLogin("/login").user(locked.getUsername()).password("wrong" + i));
		}
		User other = StaffMother.user("wrong").withPermissions(CustomerPermissions.VIEW).create(organisation, staff);

		mvc.perform(formLogin("/login").user(locked.getUsername()).password(StaffMother.PASSWORD))
			.andExpect(redirectedUrl("/login?error"));
		mvc.perform(formLogin("/login").user(other.getUsername()).password("not-his-1"))
			.andExpect(redirectedUrl("/login?error"));
		mvc.perform(formLogin("/login").user("nobody" + System.nanoTime()).password("not-his-1"))
			.andExpect(redirectedUrl("/login?error"));
	}

	@Test
	void theRightPasswordAfterFewerWrongOnesSignsInAndStartsTheCountAgain() throws Exception {
		User user = StaffMother.user("again").withPermissions(CustomerPermissions.VIEW).create(organisation, staff);
		for (int i = 0; i < properties.maxFailedLogins() - 1; i++) {
			mvc.perform(formLogin("/login").user(user.getUsername()).password("wrong" + i))
				.andExpect(redirectedUrl("/login?error"));
		}
		mvc.perform(formLogin("/login").user(user.getUsername()).password(StaffMother.PASSWORD))
			.andExpect(redirectedUrl("/"));
		assertThat(jdbc.queryForObject("select failed_logins from app_user where id = ?", Integer.class,
				user.getId())).isZero();
	}

	@Test
	void aStrangersWrongPasswordsDoNotStopTheUsersApiToken() throws Exception {
		User user = StaffMother.user("token").withPermissions(CustomerPermissions.VIEW).create(organisation, staff);
		String token = tokens.issue(user.getId(), "ERP 集成", null).token();
		for (int i = 0; i < properties.maxFailedLogins() + 2; i++) {
			mvc.perform(formLogin("/login").user(user.getUsername()).password("wrong" + i));
		}
		tokens.forgetSignIns();

		mvc.perform(get("/api/v1/accounts").header("Authorization", "Bearer " + token)).andExpect(status().isOk());
	}

	private static <T> List<T> inParallel(int times, Attempt<T> attempt) throws Exception {
		ExecutorService threads = Executors.newFixedThreadPool(times);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<T>> futures = new ArrayList<>();
			for (int i = 0; i < times; i++) {
				int n = i;
				futures.add(threads.submit((Callable<T>) () -> {
					start.await();
					return attempt.run(n);
				}));
			}
			start.countDown();
			List<T> results = new ArrayList<>();
			for (Future<T> future : futures) {
				results.add(future.get());
			}
			return results;
		}
		finally {
			threads.shutdownNow();
		}
	}

	@FunctionalInterface
	interface Attempt<T> {

		T run(int n) throws Exception;

	}

}

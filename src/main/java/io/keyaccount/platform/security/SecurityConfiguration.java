package io.keyaccount.platform.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Three filter chains: the REST API (personal tokens, stateless), the customer portal (reserved; its own
 * sign-in comes with the portal module) and the staff web application (form login).
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

	/**
	 * No observations of the filter chain, authentication and authorization: with them every call started and
	 * stopped an observation, with events, around each of a dozen filters and each method check, for metrics nobody
	 * reads. Observation code took 12 % of an account detail's request thread, 5 % without them (bench/README, tenth
	 * session). A call's own timing stays in {@code http.server.requests}.
	 */
	@Bean
	SecurityObservationSettings securityObservationSettings() {
		return SecurityObservationSettings.noObservations();
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	/**
	 * No script but the application's own files (no inline script, no inline event handler, no eval): a record
	 * name that slips into HTML unescaped cannot run. Inline styles stay allowed (ECharts, htmx indicators and a
	 * few width attributes use them); styles do not run code.
	 */
	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
			+ "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; "
			+ "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'";

	/**
	 * Headers of every answer: the CSP above, no referrer to other sites, no content-type sniffing (Spring
	 * Security's default), and HSTS on HTTPS requests (also behind a proxy that sends {@code X-Forwarded-Proto},
	 * see {@code server.forward-headers-strategy}).
	 */
	private static void securityHeaders(HttpSecurity http) throws Exception {
		http.headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
			.referrerPolicy(r -> r.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
			.frameOptions(f -> f.sameOrigin()));
	}

	@Bean
	@Order(1)
	SecurityFilterChain apiChain(HttpSecurity http, ApiTokens tokens, SignedInSessions sessions,
			ApiSecurityErrors errors) throws Exception {
		http.securityMatcher("/api/**")
			// The API's description is public (docs/security.md): the document and the Swagger UI showing it.
			.authorizeHttpRequests(auth -> auth.requestMatchers("/api/v1/openapi/**", "/api/v1/openapi",
					"/api/v1/docs", "/api/v1/docs/**", "/api/v1/swagger-ui/**")
				.permitAll()
				.anyRequest()
				.authenticated())
			.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(csrf -> csrf.disable())
			.addFilterBefore(new ApiTokenAuthenticationFilter(tokens), UsernamePasswordAuthenticationFilter.class)
			.addFilterBefore(new CurrentRightsFilter(sessions, true), AnonymousAuthenticationFilter.class)
			.exceptionHandling(e -> e.authenticationEntryPoint(errors::unauthenticated)
				.accessDeniedHandler(errors::forbidden));
		securityHeaders(http);
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain portalChain(HttpSecurity http) throws Exception {
		http.securityMatcher("/portal/**")
			.authorizeHttpRequests(auth -> auth.anyRequest().hasAuthority("portal.customer"))
			.exceptionHandling(e -> e.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)));
		securityHeaders(http);
		return http.build();
	}

	@Bean
	@Order(3)
	SecurityFilterChain webChain(HttpSecurity http, SignedInSessions sessions) throws Exception {
		http.authorizeHttpRequests(auth -> auth
			.requestMatchers("/login", "/setup", "/webjars/**", "/css/**", "/js/**", "/img/**", "/favicon.ico",
					"/error", "/actuator/health/**", "/actuator/health")
			.permitAll()
			.requestMatchers("/actuator/**")
			.hasAuthority(PlatformPermissions.AUDIT)
			.anyRequest()
			.authenticated())
			.formLogin(form -> form.loginPage("/login")
				.defaultSuccessUrl("/", false)
				// One answer for an unknown user, a locked one and a wrong password (PasswordSignIn).
				.failureHandler((request, response, ex) -> response.sendRedirect(request.getContextPath()
						+ (ex instanceof DisabledException ? "/login?disabled" : "/login?error"))))
			.logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
			.sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()))
			.addFilterBefore(new CurrentRightsFilter(sessions, false), AnonymousAuthenticationFilter.class);
		securityHeaders(http);
		return http.build();
	}

}

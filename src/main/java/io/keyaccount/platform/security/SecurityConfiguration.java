package io.keyaccount.platform.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;

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

	@Bean
	@Order(1)
	SecurityFilterChain apiChain(HttpSecurity http, ApiTokens tokens) throws Exception {
		http.securityMatcher("/api/**")
			.authorizeHttpRequests(auth -> auth.requestMatchers("/api/v1/openapi/**", "/api/v1/openapi",
					"/api/v1/docs", "/api/v1/docs/**")
				.permitAll()
				.anyRequest()
				.authenticated())
			.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(csrf -> csrf.disable())
			.addFilterBefore(new ApiTokenAuthenticationFilter(tokens), UsernamePasswordAuthenticationFilter.class)
			.exceptionHandling(e -> e.authenticationEntryPoint((request, response, ex) -> json(response,
					HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED", "A valid personal API token is required"))
				.accessDeniedHandler((request, response, ex) -> json(response, HttpStatus.FORBIDDEN, "FORBIDDEN",
						"You do not have the permission for this operation")));
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain portalChain(HttpSecurity http) throws Exception {
		http.securityMatcher("/portal/**")
			.authorizeHttpRequests(auth -> auth.anyRequest().hasAuthority("portal.customer"))
			.exceptionHandling(e -> e.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)));
		return http.build();
	}

	@Bean
	@Order(3)
	SecurityFilterChain webChain(HttpSecurity http) throws Exception {
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
				.failureHandler((request, response, ex) -> {
					String reason = ex instanceof LockedException ? "locked"
							: ex instanceof DisabledException ? "disabled" : "error";
					response.sendRedirect(request.getContextPath() + "/login?" + reason);
				}))
			.logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
			.sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()))
			.headers(h -> h.frameOptions(f -> f.sameOrigin()));
		return http.build();
	}

	private static void json(HttpServletResponse response, HttpStatus status, String code, String message)
			throws IOException {
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.getWriter()
			.write("{\"status\":" + status.value() + ",\"code\":\"" + code + "\",\"message\":\"" + message
					+ "\",\"errors\":[]}");
	}

}

package io.keyaccount.platform.web;

import java.util.Locale;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.SimpleLocaleContext;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.i18n.SessionLocaleResolver;

import io.keyaccount.platform.organisation.Organisation;
import io.keyaccount.platform.security.CurrentUser;

/**
 * Simplified Chinese unless the user chose English. The choice is kept in the session and saved on the user,
 * so it is there again at the next sign-in. An API call that sends {@code Accept-Language} is answered in that
 * language instead: a client program asks per call, where a browser's header says little about the user's choice.
 */
class UserLocaleResolver extends SessionLocaleResolver {

	static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

	private final Organisation organisation;

	UserLocaleResolver(Organisation organisation) {
		this.organisation = organisation;
		setDefaultLocaleFunction(request -> CurrentUser.signedIn()
			.map(user -> supported(Locale.forLanguageTag(user.locale())))
			.orElse(CHINESE));
	}

	@Override
	public Locale resolveLocale(HttpServletRequest request) {
		return askedByApiClient(request) ? supported(request.getLocale()) : super.resolveLocale(request);
	}

	@Override
	public LocaleContext resolveLocaleContext(HttpServletRequest request) {
		return askedByApiClient(request) ? new SimpleLocaleContext(supported(request.getLocale()))
				: super.resolveLocaleContext(request);
	}

	private static boolean askedByApiClient(HttpServletRequest request) {
		// on Spring Boot's error page the request's own path is the page's; the call's is kept as an attribute
		Object failedPath = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		String path = failedPath instanceof String uri ? uri : request.getRequestURI();
		return request.getHeader(HttpHeaders.ACCEPT_LANGUAGE) != null
				&& path.startsWith(request.getContextPath() + "/api/");
	}

	@Override
	public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
		Locale chosen = locale == null ? null : supported(locale);
		super.setLocale(request, response, chosen);
		if (chosen != null) {
			CurrentUser.signedIn().ifPresent(user -> organisation.preferLocale(user.userId(), chosen.toLanguageTag()));
		}
	}

	static Locale supported(Locale locale) {
		return "en".equals(locale.getLanguage()) ? Locale.ENGLISH : CHINESE;
	}

}

package io.keyaccount.platform.web;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.servlet.i18n.SessionLocaleResolver;

import io.keyaccount.platform.organisation.Organisation;
import io.keyaccount.platform.security.CurrentUser;

/**
 * Simplified Chinese unless the user chose English. The choice is kept in the session and saved on the user,
 * so it is there again at the next sign-in.
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

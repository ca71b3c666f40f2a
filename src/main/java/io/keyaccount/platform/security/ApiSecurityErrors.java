package io.keyaccount.platform.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

import tools.jackson.databind.json.JsonMapper;

import io.keyaccount.platform.api.ApiError;

/**
 * The API's 401 and 403, answered by the security filters before any controller: the same {@link ApiError} body
 * as every other API error, in the language of {@code Accept-Language} (Chinese when none is sent), as the
 * application's locale resolver decides for API calls.
 */
@Component
class ApiSecurityErrors {

	private final MessageSource messages;

	private final LocaleResolver locales;

	private final JsonMapper json = JsonMapper.builder().build();

	ApiSecurityErrors(MessageSource messages, LocaleResolver locales) {
		this.messages = messages;
		this.locales = locales;
	}

	void unauthenticated(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
			throws IOException {
		write(request, response, HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED", "api.unauthenticated");
	}

	void forbidden(HttpServletRequest request, HttpServletResponse response, AccessDeniedException ex)
			throws IOException {
		write(request, response, HttpStatus.FORBIDDEN, "FORBIDDEN", "api.forbidden");
	}

	private void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String code,
			String messageKey) throws IOException {
		String message = messages.getMessage(messageKey, null, messageKey, locales.resolveLocale(request));
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.getWriter().write(json.writeValueAsString(new ApiError(status.value(), code, message, List.of())));
	}

}

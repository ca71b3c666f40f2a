package io.keyaccount.platform.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.webmvc.error.DefaultErrorAttributes;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.WebRequest;

/**
 * The body of Spring Boot's error page for an API call, for errors no controller answered (a path or method that
 * does not exist, a content type no endpoint reads): the {@link ApiError} every other API error has, in the
 * client's language. Pages keep Spring Boot's attributes, which the {@code error/} templates show.
 */
@Component
class ApiErrorAttributes extends DefaultErrorAttributes {

	private final MessageSource messages;

	ApiErrorAttributes(MessageSource messages) {
		this.messages = messages;
	}

	@Override
	public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
		Map<String, Object> attributes = super.getErrorAttributes(request, options);
		if (!(attributes.get("path") instanceof String path && path.startsWith("/api/"))
				|| !(attributes.get("status") instanceof Integer status)) {
			return attributes;
		}
		HttpStatus known = HttpStatus.resolve(status);
		String fallback = messages.getMessage(status >= 500 ? "api.internalError" : "api.badRequest", null,
				LocaleContextHolder.getLocale());
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("status", status);
		body.put("code", status >= 500 ? "INTERNAL_ERROR" : known == null ? "BAD_REQUEST" : known.name());
		body.put("message", messages.getMessage("api.status." + status, null, fallback, LocaleContextHolder.getLocale()));
		body.put("errors", List.of());
		return body;
	}

}

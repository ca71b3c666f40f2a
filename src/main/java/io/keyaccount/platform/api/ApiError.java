package io.keyaccount.platform.api;

import java.util.List;

/** The one error body every {@code /api/v1} endpoint returns: a code, a message, and field errors. */
public record ApiError(int status, String code, String message, List<FieldError> errors) {

	public record FieldError(String field, String code, String message) {
	}

}

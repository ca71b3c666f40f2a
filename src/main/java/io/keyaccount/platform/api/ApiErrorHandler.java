package io.keyaccount.platform.api;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.MismatchedInputException;

import io.keyaccount.platform.api.ApiError.FieldError;
import io.keyaccount.platform.persistence.ConcurrentEditException;
import io.keyaccount.platform.persistence.DatabaseRefusals;
import io.keyaccount.platform.persistence.NotFoundException;
import io.keyaccount.platform.validation.BusinessRuleException;

/**
 * Turns every failure of an API call into {@link ApiError}, in the language of {@code Accept-Language}
 * (Chinese by default). Unexpected errors are logged and answered without internals.
 */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
class ApiErrorHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiErrorHandler.class);

	private final MessageSource messages;

	ApiErrorHandler(MessageSource messages) {
		this.messages = messages;
	}

	@ExceptionHandler(BusinessRuleException.class)
	ResponseEntity<ApiError> refused(BusinessRuleException ex) {
		String message = text(ex.messageKey(), ex.arguments());
		List<FieldError> fields = ex.field() == null ? List.of()
				: List.of(new FieldError(ex.field(), ex.messageKey(), message));
		return body(HttpStatus.UNPROCESSABLE_CONTENT, "VALIDATION_FAILED", message, fields);
	}

	@ExceptionHandler(MethodArgumentNotValidException.class)
	ResponseEntity<ApiError> invalid(MethodArgumentNotValidException ex) {
		Locale locale = LocaleContextHolder.getLocale();
		List<FieldError> fields = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map(e -> new FieldError(e.getField(), e.getCode(), messages.getMessage(e, locale)))
			.toList();
		return body(HttpStatus.UNPROCESSABLE_CONTENT, "VALIDATION_FAILED", text("api.validationFailed"), fields);
	}

	/**
	 * A body that is not JSON, or a value of the wrong type: when the parser knows which field it was reading (a
	 * word where a number belongs, a choice not among an enum's values), the error names it, and an enum's values.
	 */
	@ExceptionHandler(HttpMessageNotReadableException.class)
	ResponseEntity<ApiError> unreadable(HttpMessageNotReadableException ex) {
		if (ex.getMostSpecificCause() instanceof JacksonException json && !json.getPath().isEmpty()) {
			Class<?> type = json instanceof MismatchedInputException mismatch ? mismatch.getTargetType() : null;
			return invalidValue(fieldPath(json.getPath()), type);
		}
		return body(HttpStatus.BAD_REQUEST, "BAD_REQUEST", text("api.badRequest"), List.of());
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<ApiError> mismatched(MethodArgumentTypeMismatchException ex) {
		return invalidValue(ex.getName(), ex.getRequiredType());
	}

	private ResponseEntity<ApiError> invalidValue(String field, Class<?> type) {
		String message = type != null && type.isEnum()
				? text("api.invalidChoice", field, Arrays.stream(type.getEnumConstants())
					.map(value -> ((Enum<?>) value).name())
					.collect(Collectors.joining(", ")))
				: text("api.invalidValue", field);
		return body(HttpStatus.BAD_REQUEST, "BAD_REQUEST", message,
				List.of(new FieldError(field, "invalidValue", message)));
	}

	/** {@code contacts[0].mobile} from the parser's path of property names and array indexes. */
	private static String fieldPath(List<JacksonException.Reference> path) {
		StringBuilder field = new StringBuilder();
		for (JacksonException.Reference step : path) {
			if (step.getPropertyName() != null) {
				field.append(field.isEmpty() ? "" : ".").append(step.getPropertyName());
			}
			else if (step.getIndex() >= 0) {
				field.append('[').append(step.getIndex()).append(']');
			}
		}
		return field.toString();
	}

	@ExceptionHandler(NotFoundException.class)
	ResponseEntity<ApiError> notFound(NotFoundException ex) {
		return body(HttpStatus.NOT_FOUND, "NOT_FOUND", text("api.notFound"), List.of());
	}

	@ExceptionHandler({ ConcurrentEditException.class, ObjectOptimisticLockingFailureException.class })
	ResponseEntity<ApiError> conflict(Exception ex) {
		return body(HttpStatus.CONFLICT, "CONCURRENT_EDIT", text("error.concurrentEdit"), List.of());
	}

	@ExceptionHandler({ AccessDeniedException.class, AuthorizationDeniedException.class })
	ResponseEntity<ApiError> forbidden(Exception ex) {
		return body(HttpStatus.FORBIDDEN, "FORBIDDEN", text("api.forbidden"), List.of());
	}

	/**
	 * A value the database refused although every check passed: two requests took the same unique value at once
	 * (the second answers what the check would have told it), or a limit no check knows of.
	 */
	@ExceptionHandler(DataIntegrityViolationException.class)
	ResponseEntity<ApiError> refusedByDatabase(DataIntegrityViolationException ex) {
		log.warn("The database refused a change: {}", ex.getMostSpecificCause().getMessage());
		return body(HttpStatus.UNPROCESSABLE_CONTENT, "VALIDATION_FAILED",
				messages.getMessage(DatabaseRefusals.message(ex), LocaleContextHolder.getLocale()), List.of());
	}

	@ExceptionHandler(MissingServletRequestParameterException.class)
	ResponseEntity<ApiError> missingParameter(MissingServletRequestParameterException ex) {
		return missing(ex.getParameterName());
	}

	@ExceptionHandler(MissingServletRequestPartException.class)
	ResponseEntity<ApiError> missingPart(MissingServletRequestPartException ex) {
		return missing(ex.getRequestPartName());
	}

	private ResponseEntity<ApiError> missing(String field) {
		String message = text("api.missingParameter", field);
		return body(HttpStatus.BAD_REQUEST, "BAD_REQUEST", message,
				List.of(new FieldError(field, "required", message)));
	}

	/** A file upload that is not one (not multipart) or is larger than the limit. */
	@ExceptionHandler(MultipartException.class)
	ResponseEntity<ApiError> badUpload(MultipartException ex) {
		return ex instanceof MaxUploadSizeExceededException
				? body(HttpStatus.CONTENT_TOO_LARGE, "PAYLOAD_TOO_LARGE", text("api.status.413"), List.of())
				: body(HttpStatus.BAD_REQUEST, "BAD_REQUEST", text("api.notMultipart"), List.of());
	}

	/** A content type that is not JSON where JSON is read, and any other request Spring MVC refuses with a status. */
	@ExceptionHandler(Exception.class)
	ResponseEntity<ApiError> unexpected(Exception ex) {
		if (ex instanceof ErrorResponse refused && refused.getStatusCode().is4xxClientError()) {
			HttpStatus status = HttpStatus.valueOf(refused.getStatusCode().value());
			if (status == HttpStatus.NOT_ACCEPTABLE) {
				// the client accepts no JSON, so it would not read this error either
				return ResponseEntity.status(status).build();
			}
			return body(status, status.name(), messages.getMessage("api.status." + status.value(), null,
					text("api.badRequest"), LocaleContextHolder.getLocale()), List.of());
		}
		log.error("API call failed", ex);
		return body(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR", text("api.internalError"), List.of());
	}

	private String text(String key, Object... args) {
		return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
	}

	private static ResponseEntity<ApiError> body(HttpStatus status, String code, String message,
			List<FieldError> fields) {
		return ResponseEntity.status(status).body(new ApiError(status.value(), code, message, fields));
	}

}

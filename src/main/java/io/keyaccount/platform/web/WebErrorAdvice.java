package io.keyaccount.platform.web;

import jakarta.servlet.ServletException;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.BindException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.ModelAndView;

import io.keyaccount.platform.persistence.ConcurrentEditException;
import io.keyaccount.platform.persistence.DatabaseRefusals;
import io.keyaccount.platform.persistence.NotFoundException;
import io.keyaccount.platform.validation.BusinessRuleException;

/**
 * Friendly pages for errors a page controller did not turn into form messages, in the user's language. Never a
 * stack trace. A request Spring MVC refuses (a parameter missing or of the wrong type, a body it cannot read) gets
 * the page of its status; errors outside any controller reach the same templates through Spring Boot's error page.
 */
@ControllerAdvice(annotations = org.springframework.stereotype.Controller.class)
class WebErrorAdvice {

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(WebErrorAdvice.class);

	private final MessageSource messages;

	WebErrorAdvice(MessageSource messages) {
		this.messages = messages;
	}

	@ExceptionHandler(NotFoundException.class)
	@ResponseStatus(HttpStatus.NOT_FOUND)
	ModelAndView notFound() {
		ModelAndView view = new ModelAndView("error/4xx");
		view.addObject("status", HttpStatus.NOT_FOUND.value());
		return view;
	}

	@ExceptionHandler({ ConcurrentEditException.class,
			org.springframework.orm.ObjectOptimisticLockingFailureException.class })
	@ResponseStatus(HttpStatus.CONFLICT)
	ModelAndView conflict() {
		ModelAndView view = new ModelAndView("error/message");
		view.addObject("messageKey", "error.concurrentEdit");
		return view;
	}

	@ExceptionHandler(BusinessRuleException.class)
	@ResponseStatus(HttpStatus.BAD_REQUEST)
	ModelAndView refused(BusinessRuleException ex) {
		ModelAndView view = new ModelAndView("error/message");
		view.addObject("messageKey", ex.messageKey());
		view.addObject("messageArgs", ex.arguments());
		return view;
	}

	/** Two requests took the same unique value at once; the second is told what the check would have told it. */
	@ExceptionHandler(DataIntegrityViolationException.class)
	ModelAndView refusedByDatabase(DataIntegrityViolationException ex) {
		log.warn("The database refused a change: {}", ex.getMostSpecificCause().getMessage());
		ModelAndView view = new ModelAndView("error/message", HttpStatus.UNPROCESSABLE_CONTENT);
		view.addObject("messageText",
				messages.getMessage(DatabaseRefusals.message(ex), LocaleContextHolder.getLocale()));
		return view;
	}

	/** {@code from=abc} where a date belongs: the parameter is named. */
	@ExceptionHandler(TypeMismatchException.class)
	ModelAndView mismatched(TypeMismatchException ex) {
		return statusPage(HttpStatus.BAD_REQUEST, "error.invalidParameter", ex.getPropertyName());
	}

	@ExceptionHandler(MissingServletRequestParameterException.class)
	ModelAndView missingParameter(MissingServletRequestParameterException ex) {
		return statusPage(HttpStatus.BAD_REQUEST, "error.missingParameter", ex.getParameterName());
	}

	@ExceptionHandler(MissingServletRequestPartException.class)
	ModelAndView missingPart(MissingServletRequestPartException ex) {
		return statusPage(HttpStatus.BAD_REQUEST, "error.missingParameter", ex.getRequestPartName());
	}

	@ExceptionHandler(MultipartException.class)
	ModelAndView badUpload(MultipartException ex) {
		return ex instanceof MaxUploadSizeExceededException ? statusPage(HttpStatus.CONTENT_TOO_LARGE, null)
				: statusPage(HttpStatus.BAD_REQUEST, "error.notMultipart");
	}

	@ExceptionHandler({ HttpMessageNotReadableException.class, BindException.class })
	ModelAndView unreadable() {
		return statusPage(HttpStatus.BAD_REQUEST, null);
	}

	/** Every other request Spring MVC refuses with a status of its own (405, 415 …). */
	@ExceptionHandler({ ServletException.class, ErrorResponseException.class })
	ModelAndView refusedRequest(Exception ex) throws Exception {
		if (ex instanceof ErrorResponse response && response.getStatusCode().is4xxClientError()) {
			return statusPage(response.getStatusCode(), null);
		}
		throw ex;
	}

	private static ModelAndView statusPage(HttpStatusCode status, String messageKey, Object... messageArgs) {
		ModelAndView view = new ModelAndView(status.is5xxServerError() ? "error/5xx" : "error/4xx", status);
		view.addObject("status", status.value());
		view.addObject("messageKey", messageKey);
		view.addObject("messageArgs", messageArgs);
		return view;
	}

}

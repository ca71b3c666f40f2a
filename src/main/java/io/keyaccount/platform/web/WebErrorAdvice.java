package io.keyaccount.platform.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.ModelAndView;

import io.keyaccount.platform.persistence.ConcurrentEditException;
import io.keyaccount.platform.persistence.NotFoundException;
import io.keyaccount.platform.validation.BusinessRuleException;

/** Friendly pages for errors a page controller did not turn into form messages. Never a stack trace. */
@ControllerAdvice(annotations = org.springframework.stereotype.Controller.class)
class WebErrorAdvice {

	@ExceptionHandler(NotFoundException.class)
	@ResponseStatus(HttpStatus.NOT_FOUND)
	ModelAndView notFound() {
		return new ModelAndView("error/404");
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

}

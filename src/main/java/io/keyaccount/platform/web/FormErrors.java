package io.keyaccount.platform.web;

import org.springframework.validation.BindingResult;

import io.keyaccount.platform.persistence.ConcurrentEditException;
import io.keyaccount.platform.validation.BusinessRuleException;

/** Turns a refused command into messages on the form: under the field to blame, or at the top. */
public final class FormErrors {

	private FormErrors() {
	}

	public static void reject(BindingResult result, BusinessRuleException ex) {
		if (ex.field() != null && result.getTarget() != null
				&& org.springframework.beans.BeanUtils.getPropertyDescriptor(result.getTarget().getClass(),
						ex.field()) != null) {
			result.rejectValue(ex.field(), ex.messageKey(), ex.arguments(), ex.messageKey());
		}
		else {
			result.reject(ex.messageKey(), ex.arguments(), ex.messageKey());
		}
	}

	public static void reject(BindingResult result, ConcurrentEditException ex) {
		result.reject("error.concurrentEdit");
	}

}

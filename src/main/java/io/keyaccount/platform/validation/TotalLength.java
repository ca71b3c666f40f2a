package io.keyaccount.platform.validation;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Collection;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * Texts stored together in one column, joined by a separator of one character (tags as {@code a,b,c}): their
 * joined length is at most {@link #max}.
 */
@Target({ ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT })
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = TotalLength.Validator.class)
public @interface TotalLength {

	int max();

	String message() default "validation.fieldTooLong";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	class Validator implements ConstraintValidator<TotalLength, Collection<? extends CharSequence>> {

		private int max;

		@Override
		public void initialize(TotalLength annotation) {
			this.max = annotation.max();
		}

		@Override
		public boolean isValid(Collection<? extends CharSequence> values, ConstraintValidatorContext context) {
			if (values == null || values.isEmpty()) {
				return true;
			}
			long length = values.size() - 1L;
			for (CharSequence value : values) {
				length += value == null ? 0 : value.length();
			}
			return length <= max;
		}

	}

}

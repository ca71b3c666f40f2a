package io.keyaccount.platform.validation;

import java.util.Collection;
import java.util.Comparator;
import java.util.Map;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * The size limits of a command, declared once as Bean Validation constraints on its record (they match the
 * columns the values are stored in), checked where the command is carried out, so that a form, an API call and an
 * import are held to the same limits. The first broken limit is refused as a {@link BusinessRuleException} on its
 * field, whose message names the field by its label ({@code <labelPrefix>.<field>} in the message bundles): a
 * form shows it under the field, an API call answers 422 with it, a toast reads on its own.
 */
public final class Limits {

	private static final ValidatorFactory FACTORY = Validation.buildDefaultValidatorFactory();

	private static final Validator VALIDATOR = FACTORY.getValidator();

	private Limits() {
	}

	/** The command, if every constraint on it holds. */
	public static <T> T check(T command, String labelPrefix) {
		VALIDATOR.validate(command)
			.stream()
			.min(Comparator.comparing((ConstraintViolation<T> v) -> v.getPropertyPath().toString()))
			.ifPresent(violation -> {
				throw refusal(violation, labelPrefix);
			});
		return command;
	}

	/** A text of at most {@code max} characters, or null. */
	public static String checkLength(String field, String labelKey, String value, int max) {
		if (value != null && value.length() > max) {
			throw new BusinessRuleException(field, "validation.fieldTooLong", label(labelKey, field), max);
		}
		return value;
	}

	/** A number of at most {@code max}, or null. */
	public static <N extends Number & Comparable<N>> N checkAtMost(String field, String labelKey, N value, N max) {
		if (value != null && value.compareTo(max) > 0) {
			throw new BusinessRuleException(field, "validation.fieldTooLarge", label(labelKey, field), max.toString());
		}
		return value;
	}

	private static BusinessRuleException refusal(ConstraintViolation<?> violation, String labelPrefix) {
		String field = violation.getPropertyPath().toString().replaceAll("[\\[<].*$", "");
		Object label = label(labelPrefix + "." + field, field);
		Map<String, Object> limits = violation.getConstraintDescriptor().getAttributes();
		var annotation = violation.getConstraintDescriptor().getAnnotation();
		if (annotation instanceof Size size) {
			return new BusinessRuleException(field,
					violation.getInvalidValue() instanceof Collection<?> ? "validation.fieldTooMany"
							: "validation.fieldTooLong",
					label, size.max());
		}
		if (annotation instanceof TotalLength total) {
			return new BusinessRuleException(field, "validation.fieldTooLong", label, total.max());
		}
		if (annotation instanceof NotNull || annotation instanceof NotBlank) {
			return new BusinessRuleException(field, "validation.fieldRequired", label);
		}
		if (annotation instanceof DecimalMax || annotation instanceof Max) {
			return new BusinessRuleException(field, "validation.fieldTooLarge", label, limits.get("value"));
		}
		return new BusinessRuleException(field, "validation.fieldInvalid", label);
	}

	/** The field's label from the message bundles, or its name when it has none. */
	private static DefaultMessageSourceResolvable label(String key, String field) {
		return new DefaultMessageSourceResolvable(new String[] { key }, field);
	}

}

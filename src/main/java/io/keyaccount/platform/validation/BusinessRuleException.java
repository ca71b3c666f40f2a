package io.keyaccount.platform.validation;

/**
 * A command broke a business rule. Carries a message-bundle key (so the user reads it in their language)
 * and, when one field is to blame, that field's name so the form can show the message under it.
 */
public class BusinessRuleException extends RuntimeException {

	private final String field;

	private final String messageKey;

	private final transient Object[] arguments;

	public BusinessRuleException(String field, String messageKey, Object... arguments) {
		super(messageKey + (field == null ? "" : " (" + field + ")"));
		this.field = field;
		this.messageKey = messageKey;
		this.arguments = arguments;
	}

	public static BusinessRuleException general(String messageKey, Object... arguments) {
		return new BusinessRuleException(null, messageKey, arguments);
	}

	public String field() {
		return field;
	}

	public String messageKey() {
		return messageKey;
	}

	public Object[] arguments() {
		return arguments.clone();
	}

}

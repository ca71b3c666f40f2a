package io.keyaccount.value;

/** A transactions file that cannot be used; the message names the file, the line and the problem. */
final class TransactionFileException extends Exception {

	private static final long serialVersionUID = 1L;

	TransactionFileException(String message) {
		super(message);
	}

}

package io.keyaccount.platform.persistence;

/** The record does not exist, is in the recycle bin, or is outside the user's tenant or data scope. */
public class NotFoundException extends RuntimeException {

	public NotFoundException(String entityType, Object id) {
		super(entityType + " " + id + " not found");
	}

}

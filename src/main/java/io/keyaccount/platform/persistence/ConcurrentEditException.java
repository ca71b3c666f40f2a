package io.keyaccount.platform.persistence;

/** Someone else saved the record after the editor loaded it; nothing was written. */
public class ConcurrentEditException extends RuntimeException {

	public ConcurrentEditException(String entityType, Object id) {
		super(entityType + " " + id + " was changed by someone else");
	}

}

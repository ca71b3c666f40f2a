package io.keyaccount.platform.organisation;

/** How far a role sees business records, by their owner user and owner unit. Wider scopes rank higher. */
public enum DataScope {

	OWN, UNIT, UNIT_AND_BELOW, ALL;

	public String messageKey() {
		return "dataScope." + name();
	}

	public DataScope widest(DataScope other) {
		return other.ordinal() > ordinal() ? other : this;
	}

}

package io.keyaccount.platform.organisation;

/**
 * Kinds of organisation unit: the four key-account management forms of seed 001 (a committee with its
 * three centres, a service centre, a department, a team) and ordinary departments.
 */
public enum UnitType {

	COMPANY, DEPARTMENT, KAM_COMMITTEE, KAM_MANAGEMENT_CENTRE, KAM_SERVICE_CENTRE, KAM_EVALUATION_CENTRE,
	KAM_DEPARTMENT, KAM_TEAM;

	public String messageKey() {
		return "unitType." + name();
	}

}

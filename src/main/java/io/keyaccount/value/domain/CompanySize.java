package io.keyaccount.value.domain;

import io.keyaccount.platform.web.Labelled;

/** Size bands by head count, after the usual Chinese SME classes (微型 / 小型 / 中型 / 大型). */
public enum CompanySize implements Labelled {

	MICRO, SMALL, MEDIUM, LARGE, UNKNOWN;

	public static CompanySize of(Integer employees) {
		if (employees == null) {
			return UNKNOWN;
		}
		if (employees < 20) {
			return MICRO;
		}
		if (employees < 300) {
			return SMALL;
		}
		return employees < 1000 ? MEDIUM : LARGE;
	}

}

package io.keyaccount.value.domain;

import io.keyaccount.platform.web.Labelled;

/** How the target-customer view splits accounts into segments. */
public enum SegmentDimension implements Labelled {

	INDUSTRY("industry"), REGION("province_code"), SIZE("size_band");

	private final String column;

	SegmentDimension(String column) {
		this.column = column;
	}

	/** The snapshot column holding the segment (a fixed name, never user input). */
	public String column() {
		return column;
	}

}

package io.keyaccount.value.domain;

import io.keyaccount.platform.web.Labelled;

/** Value tiers, best first; each has a strategy playbook. */
public enum Tier implements Labelled {

	A, B, C, D;

	/** The Bootstrap badge colour of the tier. */
	public String badgeClass() {
		return switch (this) {
			case A -> "text-bg-warning";
			case B -> "text-bg-primary";
			case C -> "text-bg-secondary";
			case D -> "text-bg-light";
		};
	}

	/** Higher is better: A = 3, D = 0. */
	public int rank() {
		return values().length - 1 - ordinal();
	}

}

package io.keyaccount.value.domain;

import io.keyaccount.platform.web.Labelled;

/**
 * The value–potential matrix: value on one axis (historical, current and future parts), potential on the other,
 * each split at 50 points.
 */
public enum Quadrant implements Labelled {

	/** High value, high potential: develop (重点发展). */
	DEVELOP,
	/** High value, low potential: keep (保持维护). */
	KEEP,
	/** Low value, high potential: cultivate (培育开发). */
	CULTIVATE,
	/** Low value, low potential: observe at low cost (观察维持). */
	OBSERVE;

	public static final double SPLIT = 50;

	public static Quadrant of(double valueScore, double potentialScore) {
		boolean highValue = valueScore >= SPLIT;
		boolean highPotential = potentialScore >= SPLIT;
		if (highValue) {
			return highPotential ? DEVELOP : KEEP;
		}
		return highPotential ? CULTIVATE : OBSERVE;
	}

	public boolean highValue() {
		return this == DEVELOP || this == KEEP;
	}

	public boolean highPotential() {
		return this == DEVELOP || this == CULTIVATE;
	}

}

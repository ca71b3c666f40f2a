package io.keyaccount.value.domain;

import io.keyaccount.platform.web.Labelled;

/** How an account moved between two snapshots, like a line of a stock movement report. */
public enum ChangeKind implements Labelled {

	NEW, REACTIVATED, UPGRADED, DOWNGRADED, LOST, UNCHANGED;

	/**
	 * Classifies one account. {@code before} is null when the account had no snapshot at the first date. New and
	 * lost customers come first, then reactivation, then tier moves.
	 */
	public static ChangeKind between(State before, State after) {
		boolean boughtBefore = before != null && before.resourceClass() != ResourceClass.POTENTIAL;
		boolean buysAfter = after.resourceClass() != ResourceClass.POTENTIAL;
		if (!boughtBefore && buysAfter) {
			return NEW;
		}
		if (!boughtBefore) {
			return UNCHANGED;
		}
		if (after.resourceClass() == ResourceClass.LOST && before.resourceClass() != ResourceClass.LOST) {
			return LOST;
		}
		boolean wasLapsing = before.resourceClass() == ResourceClass.LOST
				|| before.resourceClass() == ResourceClass.AT_RISK;
		if (wasLapsing && after.resourceClass().active()) {
			return REACTIVATED;
		}
		if (after.tier().rank() > before.tier().rank()) {
			return UPGRADED;
		}
		if (after.tier().rank() < before.tier().rank()) {
			return DOWNGRADED;
		}
		return UNCHANGED;
	}

	/** What the change report compares of an account at one date. */
	public record State(ResourceClass resourceClass, Tier tier) {
	}

}

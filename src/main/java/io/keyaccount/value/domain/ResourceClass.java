package io.keyaccount.value.domain;

import io.keyaccount.platform.web.Labelled;

/**
 * Seed 002's customer resource classes: potential (潜在, no purchase yet), one-time (一次), returning (回头客), loyal
 * (忠诚), and the two that warn: at risk (流失风险) and lost (已流失). Together they are the target customers (目标客户).
 */
public enum ResourceClass implements Labelled {

	POTENTIAL, ONE_TIME, RETURNING, LOYAL, AT_RISK, LOST;

	/** A customer who buys, or may still buy, from us now. */
	public boolean active() {
		return this == ONE_TIME || this == RETURNING || this == LOYAL;
	}

}

package io.keyaccount.customer;

import io.keyaccount.platform.web.Labelled;

/** The account's sales status (潜在/意向/成交/沉睡/流失). */
public enum AccountStatus implements Labelled {

	POTENTIAL, INTENT, CUSTOMER, DORMANT, LOST

}

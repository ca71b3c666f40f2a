package io.keyaccount.customer;

import io.keyaccount.platform.web.Labelled;

/** A member's role in an account team. */
public enum TeamRole implements Labelled {

	KEY_ACCOUNT_MANAGER, SALES, SERVICE, TECHNICAL, FINANCE, EXECUTIVE_SPONSOR

}

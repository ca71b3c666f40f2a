package io.keyaccount.customer;

import io.keyaccount.platform.web.Labelled;

/** How the account came to us. */
public enum AccountSource implements Labelled {

	REFERRAL, EXHIBITION, WEBSITE, COLD_CALL, TENDER, PARTNER, OTHER

}

package io.keyaccount.customer;

import io.keyaccount.platform.web.Labelled;

/** The customer's industry. */
public enum Industry implements Labelled {

	TELECOM, IT, MANUFACTURING, ENERGY, TRANSPORT, FINANCE, GOVERNMENT, EDUCATION, HEALTHCARE, RETAIL, CONSTRUCTION, OTHER

}

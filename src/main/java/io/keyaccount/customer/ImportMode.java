package io.keyaccount.customer;

import io.keyaccount.platform.web.Labelled;

/** What an import does when some rows are bad: keep nothing, or keep the good rows and report the bad ones. */
public enum ImportMode implements Labelled {

	ALL_OR_NOTHING, KEEP_GOOD_ROWS

}

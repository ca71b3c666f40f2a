package io.keyaccount.value.domain;

import io.keyaccount.platform.web.Labelled;

/** Where a ledger row came from: an order (the sales module's, or the demo's), an import, or a manual entry. */
public enum TransactionSource implements Labelled {

	ORDER, IMPORT, MANUAL

}

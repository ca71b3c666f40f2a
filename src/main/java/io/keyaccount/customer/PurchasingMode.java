package io.keyaccount.customer;

import io.keyaccount.platform.web.Labelled;

/** Seed 003: does the customer buy centrally (统一采购) or through its branches (分散采购). */
public enum PurchasingMode implements Labelled {

	CENTRALISED, SCATTERED

}

package io.keyaccount.customer;

import io.keyaccount.platform.web.Labelled;

/** Seed 003: continuous yearly buying (持续采购), project-based, or a one-off. */
public enum PurchasePattern implements Labelled {

	CONTINUOUS, PROJECT, ONE_OFF

}

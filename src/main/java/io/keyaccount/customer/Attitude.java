package io.keyaccount.customer;

import io.keyaccount.platform.web.Labelled;

/** A contact's attitude to us (支持/中立/反对). */
public enum Attitude implements Labelled {

	SUPPORTIVE, NEUTRAL, OPPOSED

}

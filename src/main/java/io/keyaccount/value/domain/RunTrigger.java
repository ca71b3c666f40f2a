package io.keyaccount.value.domain;

import io.keyaccount.platform.web.Labelled;

/** What started a rescoring run. */
public enum RunTrigger implements Labelled {

	NIGHTLY, MANUAL, DEMO

}

package io.keyaccount.value.domain;

import io.keyaccount.platform.web.Labelled;

/** A rescoring run: running, completed (then it may be the current one) or failed (never shown). */
public enum RunStatus implements Labelled {

	RUNNING, COMPLETED, FAILED

}

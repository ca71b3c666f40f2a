package io.keyaccount.customer;

import io.keyaccount.platform.web.Labelled;

/** A contact's role in the customer's buying centre (决策者/影响者/使用者/把关者/支持者). */
public enum BuyingRole implements Labelled {

	DECISION_MAKER, INFLUENCER, USER, GATEKEEPER, SUPPORTER

}

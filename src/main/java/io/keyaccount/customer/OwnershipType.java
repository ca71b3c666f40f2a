package io.keyaccount.customer;

import io.keyaccount.platform.web.Labelled;

/** Who owns the customer (国有/民营/外资/合资/事业单位). */
public enum OwnershipType implements Labelled {

	STATE_OWNED, PRIVATE, FOREIGN, JOINT_VENTURE, PUBLIC_INSTITUTION, OTHER

}

package io.keyaccount.value.domain;

import io.keyaccount.support.KeyaccountTest;

/** The ledger's condensation per account on H2. */
@KeyaccountTest
class LedgerAggregateTests extends LedgerAggregateContract {

}

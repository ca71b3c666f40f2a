package io.keyaccount.platform.persistence;

import io.keyaccount.support.KeyaccountTest;

@KeyaccountTest
class PersistenceRulesTests extends PersistenceRulesContract {
}

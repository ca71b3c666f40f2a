package io.keyaccount.customer;

import io.keyaccount.support.KeyaccountTest;

@KeyaccountTest
class CustomerSearchTests extends CustomerSearchContract {
}

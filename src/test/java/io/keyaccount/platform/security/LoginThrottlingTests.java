package io.keyaccount.platform.security;

import io.keyaccount.support.KeyaccountTest;

@KeyaccountTest
class LoginThrottlingTests extends LoginThrottlingContract {

}

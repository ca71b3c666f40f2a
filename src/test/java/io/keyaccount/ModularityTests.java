package io.keyaccount;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** Modules reach each other only through their public API (the module root package), never their internals. */
class ModularityTests {

	@Test
	void modulesRespectTheirBoundaries() {
		ApplicationModules.of(KeyaccountApplication.class).verify();
	}

}

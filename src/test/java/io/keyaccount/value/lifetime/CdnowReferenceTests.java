package io.keyaccount.value.lifetime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Published CDNOW figures (see shared/data/cdnow/README.md); skipped when the data folder is absent. */
class CdnowReferenceTests {

	@Test
	void bgNbdFitMatchesPublishedParametersAndLogLikelihood() {
		var fit = BgNbdModel.fit(Cdnow.rfmSummary());
		System.out.println(fit);
		assertThat(fit.converged()).isTrue();
		assertThat(fit.customersUsed()).isEqualTo(2357);
		assertThat(fit.model().r()).isCloseTo(0.2426, within(0.001));
		assertThat(fit.model().alpha()).isCloseTo(4.4135, within(0.001));
		assertThat(fit.model().a()).isCloseTo(0.7929, within(0.001));
		assertThat(fit.model().b()).isCloseTo(2.4258, within(0.001));
		assertThat(fit.logLikelihood()).isCloseTo(-9582.43, within(0.01));
	}

}

package io.keyaccount.value.domain;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One rescoring run with its fit diagnostics. BG/NBD (r, alpha, a, b) and Gamma-Gamma (p, q, gamma) parameters are
 * null when the model could not be fitted on the company's data.
 */
public record Run(long id, RunStatus status, RunTrigger trigger, LocalDate asOf, String phase, int accountsTotal,
		int accountsDone, long transactions, Instant startedAt, Instant completedAt, String startedBy, String error,
		Double bgNbdR, Double bgNbdAlpha, Double bgNbdA, Double bgNbdB, Double bgNbdLogLikelihood,
		Integer bgNbdCustomers, Boolean bgNbdConverged, Double ggP, Double ggQ, Double ggGamma,
		Double ggLogLikelihood, Integer ggCustomers, Boolean ggConverged, int weightHistorical, int weightCurrent,
		int weightFuture, int weightPotential, Long durationMillis) {

	/** Share of the work done, 0-100, for the progress bar. */
	public int percentDone() {
		if (status != RunStatus.RUNNING) {
			return 100;
		}
		if (accountsTotal == 0) {
			return 5;
		}
		// Reading and fitting are the first fifth; writing the snapshots the rest.
		return (int) Math.min(99, 20 + 80L * accountsDone / accountsTotal);
	}

	public int weightTotal() {
		return weightHistorical + weightCurrent + weightFuture + weightPotential;
	}

	public boolean finished() {
		return status != RunStatus.RUNNING;
	}

}

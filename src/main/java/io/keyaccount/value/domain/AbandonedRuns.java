package io.keyaccount.value.domain;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.keyaccount.platform.setup.StartupStep;

/**
 * At start, before anyone can ask for a rescore: runs left RUNNING by a process that died are failed, so the next
 * rescore starts at once and the previous snapshot stays the one pages show.
 */
@Component
class AbandonedRuns extends StartupStep {

	private static final Logger log = LoggerFactory.getLogger(AbandonedRuns.class);

	private final Runs runs;

	AbandonedRuns(Runs runs) {
		super(INSTALLATION + 1);
		this.runs = runs;
	}

	@Override
	protected void runAtStartup() {
		int abandoned = runs.abandonRunsOfDeadNodes();
		if (abandoned > 0) {
			log.warn("Failed {} value run(s) left running by a stopped process", abandoned);
		}
	}

}

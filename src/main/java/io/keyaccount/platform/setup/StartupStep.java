package io.keyaccount.platform.setup;

import org.springframework.context.SmartLifecycle;

/**
 * Work done once at start-up, after the context is ready and before the web server takes requests: a lifecycle
 * bean in an early phase, where an {@code ApplicationRunner} would run while the server already answers. Steps run
 * in the order of their phases; {@link #INSTALLATION} comes first.
 */
public abstract class StartupStep implements SmartLifecycle {

	/** The phase of the installation at start-up; steps that need the installed company come after it. */
	public static final int INSTALLATION = 0;

	private final int phase;

	private volatile boolean running;

	protected StartupStep(int phase) {
		this.phase = phase;
	}

	/** The step's work, once per start. */
	protected abstract void runAtStartup();

	@Override
	public final void start() {
		running = true;
		runAtStartup();
	}

	@Override
	public final void stop() {
		running = false;
	}

	@Override
	public final boolean isRunning() {
		return running;
	}

	@Override
	public final int getPhase() {
		return phase;
	}

}

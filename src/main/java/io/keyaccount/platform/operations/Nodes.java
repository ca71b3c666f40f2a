package io.keyaccount.platform.operations;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import io.keyaccount.platform.setup.StartupStep;

/**
 * The running Keyaccount processes sharing the database. Each beats every {@link #BEAT} on a thread of its own (a
 * long scheduled job must not silence it); one that has not beaten for {@link #SILENT_AFTER} is dead, and so is the
 * work it left running (ADR 0016). An embedded H2 database is opened by one process only, so at start every other
 * node is dead at once; on PostgreSQL a node killed a moment ago is recognised when its silence is long enough.
 */
@Component
public class Nodes extends StartupStep {

	private static final Logger log = LoggerFactory.getLogger(Nodes.class);

	static final Duration BEAT = Duration.ofSeconds(5);

	static final Duration SILENT_AFTER = Duration.ofSeconds(30);

	private final String self = UUID.randomUUID().toString();

	private final JdbcTemplate jdbc;

	private final ScheduledExecutorService beats = Executors.newSingleThreadScheduledExecutor(task -> {
		Thread thread = new Thread(task, "node-heartbeat");
		thread.setDaemon(true);
		return thread;
	});

	Nodes(JdbcTemplate jdbc) {
		// before every step that recovers the work of dead nodes
		super(INSTALLATION - 1);
		this.jdbc = jdbc;
	}

	/** This process's id, recorded with the work it starts. */
	public String self() {
		return self;
	}

	/** Whether the node that started some work still runs it. */
	public boolean isAlive(String node) {
		if (self.equals(node)) {
			return true;
		}
		return node != null && jdbc.queryForObject("select count(*) from platform_node where id = ? and beat_at >= ?",
				Integer.class, node, Timestamp.from(Instant.now().minus(SILENT_AFTER))) > 0;
	}

	@Override
	protected void runAtStartup() {
		if (databaseOfThisProcessOnly()) {
			jdbc.update("delete from platform_node");
		}
		else {
			jdbc.update("delete from platform_node where beat_at < ?", Timestamp.from(Instant.now().minus(SILENT_AFTER)));
		}
		Timestamp now = Timestamp.from(Instant.now());
		jdbc.update("insert into platform_node (id, started_at, beat_at) values (?, ?, ?)", self, now, now);
		beats.scheduleWithFixedDelay(this::beat, BEAT.toMillis(), BEAT.toMillis(), TimeUnit.MILLISECONDS);
	}

	private void beat() {
		try {
			Timestamp now = Timestamp.from(Instant.now());
			if (jdbc.update("update platform_node set beat_at = ? where id = ?", now, self) == 0) {
				// taken for dead after a long pause: whatever it held was recovered; beat again from now on
				log.warn("Node {} was silent for more than {} s", self, SILENT_AFTER.toSeconds());
				jdbc.update("insert into platform_node (id, started_at, beat_at) values (?, ?, ?)", self, now, now);
			}
		}
		catch (RuntimeException ex) {
			log.warn("Node heartbeat failed: {}", ex.toString());
		}
	}

	private boolean databaseOfThisProcessOnly() {
		String url = jdbc.execute((ConnectionCallback<String>) con -> con.getMetaData().getURL());
		String lower = url == null ? "" : url.toLowerCase(Locale.ROOT);
		return lower.startsWith("jdbc:h2:") && !lower.startsWith("jdbc:h2:tcp:") && !lower.startsWith("jdbc:h2:ssl:");
	}

	@PreDestroy
	void leave() {
		beats.shutdownNow();
		try {
			jdbc.update("delete from platform_node where id = ?", self);
		}
		catch (RuntimeException ex) {
			// the database went first; the row falls silent and is cleared by the next start
		}
	}

}

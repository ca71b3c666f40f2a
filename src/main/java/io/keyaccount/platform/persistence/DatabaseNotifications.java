package io.keyaccount.platform.persistence;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * What other nodes change, heard through PostgreSQL's {@code LISTEN}: triggers {@code NOTIFY} a channel when a
 * transaction commits a change, and each node drops what it keeps in memory of the changed rows. The listening
 * connection is the node's own, outside the pool, so that it takes no connection from requests.
 * <p>
 * While the connection is down a node cannot hear other nodes: subscribers are told so, forget what they keep and
 * serve from the database until the node listens again. H2 runs inside the one node that writes to it: there is
 * nobody else to hear, and subscribers are told at start that they hear every change.
 */
@Component
public class DatabaseNotifications implements SmartLifecycle {

	/** Someone who keeps copies of rows and forgets them when told they changed. */
	public interface Subscriber {

		/** The channel the subscriber's trigger notifies. */
		String channel();

		/** A change committed, by this node or another; the payload is what the trigger sent. */
		void changed(String payload);

		/**
		 * Whether every change committed from now on reaches the subscriber; until told so, it must assume not.
		 * Either way, changes may have gone unheard until now: forget everything.
		 */
		void hearing(boolean everyChange);

	}

	private static final Logger log = LoggerFactory.getLogger(DatabaseNotifications.class);

	private static final int WAIT_MILLIS = 2_000;

	/**
	 * How often a quiet connection is asked something: a connection the network has silently dropped delivers no
	 * notifications and no error, until a statement gets no answer within the socket timeout.
	 */
	private static final long CHECK_QUIET_MILLIS = 10_000;

	private static final String SOCKET_TIMEOUT_SECONDS = "30";

	private final DataSource dataSource;

	private final DataSourceProperties properties;

	private final List<Subscriber> subscribers;

	private volatile Thread listener;

	private volatile boolean running;

	DatabaseNotifications(DataSource dataSource, DataSourceProperties properties, List<Subscriber> subscribers) {
		this.dataSource = dataSource;
		this.properties = properties;
		this.subscribers = subscribers;
	}

	@Override
	public void start() {
		running = true;
		boolean postgres;
		try (Connection c = dataSource.getConnection()) {
			postgres = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
		}
		catch (SQLException e) {
			// the database answers nothing: assume it is PostgreSQL, and the listener keeps trying to reach it
			postgres = true;
		}
		if (!postgres) {
			subscribers.forEach(s -> s.hearing(true));
		}
		else if (!subscribers.isEmpty()) {
			Thread thread = new Thread(this::listen, "db-notifications");
			thread.setDaemon(true);
			listener = thread;
			thread.start();
		}
	}

	@Override
	public void stop() {
		running = false;
		Thread thread = listener;
		listener = null;
		if (thread != null) {
			thread.interrupt();
			try {
				thread.join(WAIT_MILLIS * 2L);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	private void listen() {
		long backoff = 500;
		while (listener == Thread.currentThread()) {
			try (Connection c = DriverManager.getConnection(properties.determineUrl(), connectionProperties())) {
				try (Statement s = c.createStatement()) {
					for (Subscriber subscriber : subscribers) {
						s.execute("listen " + subscriber.channel());
					}
				}
				subscribers.forEach(s -> s.hearing(true));
				backoff = 500;
				PGConnection pg = c.unwrap(PGConnection.class);
				long heardAt = System.nanoTime();
				while (listener == Thread.currentThread()) {
					PGNotification[] notifications = pg.getNotifications(WAIT_MILLIS);
					if (notifications != null && notifications.length > 0) {
						for (PGNotification n : notifications) {
							deliver(n);
						}
						heardAt = System.nanoTime();
					}
					else if (System.nanoTime() - heardAt > CHECK_QUIET_MILLIS * 1_000_000) {
						try (Statement s = c.createStatement()) {
							s.execute("select 1");
						}
						heardAt = System.nanoTime();
					}
				}
			}
			catch (SQLException | RuntimeException e) {
				if (listener == Thread.currentThread()) {
					log.warn("Not hearing other nodes' changes, trying again in {} ms: {}", backoff, e.getMessage());
				}
			}
			finally {
				subscribers.forEach(s -> s.hearing(false));
			}
			try {
				Thread.sleep(backoff);
			}
			catch (InterruptedException e) {
				return;
			}
			backoff = Math.min(backoff * 2, 30_000);
		}
	}

	private Properties connectionProperties() {
		Properties connection = new Properties();
		if (properties.determineUsername() != null) {
			connection.setProperty("user", properties.determineUsername());
		}
		if (properties.determinePassword() != null) {
			connection.setProperty("password", properties.determinePassword());
		}
		connection.setProperty("socketTimeout", SOCKET_TIMEOUT_SECONDS);
		connection.setProperty("ApplicationName", "keyaccount-notifications");
		return connection;
	}

	private void deliver(PGNotification notification) {
		for (Subscriber subscriber : subscribers) {
			if (subscriber.channel().equals(notification.getName())) {
				try {
					subscriber.changed(notification.getParameter());
				}
				catch (RuntimeException e) {
					log.warn("Could not apply a change notice on {} ({}): {}", notification.getName(),
							notification.getParameter(), e.toString());
					subscriber.hearing(true);
				}
			}
		}
	}

}

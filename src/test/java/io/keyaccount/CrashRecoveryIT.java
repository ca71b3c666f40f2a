package io.keyaccount;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.keyaccount.support.DemoUsers;
import io.keyaccount.support.PackagedApp;
import io.keyaccount.support.PackagedApp.Api;
import io.keyaccount.support.PackagedApp.WebSession;
import io.keyaccount.support.PostgresDatabase;

/**
 * {@code kill -9} of the packaged jar in the middle of work, then a restart on the same folder and database (ADRs
 * 0015, 0016): every write that was answered 201 is there; an all-or-nothing import cut off while writing kept none
 * of its rows; a rescore cut off while running is failed and the next one starts. On the embedded H2 database as
 * shipped (which also opens no port and needs its generated password) and on PostgreSQL.
 */
class CrashRecoveryIT {

	private static final int ACCOUNTS = 20;

	private static final int FOLLOW_UPS = 5;

	private static final int IMPORT_ROWS = 20_000;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void nothingAcknowledgedIsLostAndNothingHalfDoneIsKeptOnTheEmbeddedDatabase(@TempDir Path folder) throws Exception {
		PackagedApp app = PackagedApp.start(folder, "--spring.profiles.active=demo");
		Path credentials = folder.resolve("data/keyaccount.credentials");
		Crash crash;
		try {
			assertThat(app.listeningPorts()).as("the database opens no port of its own").containsExactly(app.port());
			assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(credentials))).isEqualTo("rw-------");
			assertThat(command(folder, "backup", "--file=running.zip")).as("a backup while it runs is refused")
				.contains("stop Keyaccount first");

			crash = workThenKill(app);
			app = app.restart();
			crash.verifyAfterRestart(app, Duration.ofSeconds(5));
		}
		finally {
			app.stop();
		}
		String url = "jdbc:h2:file:" + folder.resolve("data/keyaccount");
		assertThatThrownBy(() -> DriverManager.getConnection(url, "sa", "").close()).as("no way in without the password")
			.isInstanceOf(SQLException.class)
			.hasMessageContaining("Wrong user name or password");
		try (Connection connection = DriverManager.getConnection(url, "sa", Files.readString(credentials).strip())) {
			crash.verifyInDatabase(new JdbcTemplate(new SingleConnectionDataSource(connection, true)), "H2");
		}
		assertThat(command(folder, "backup", "--file=stopped.zip")).contains("Backup written to");
	}

	@Test
	void nothingAcknowledgedIsLostAndNothingHalfDoneIsKeptOnPostgres(@TempDir Path folder) throws Exception {
		Optional<String> database = PostgresDatabase.another("crash");
		Assumptions.assumeTrue(database.isPresent(), "PostgreSQL not reachable: crash test on PostgreSQL skipped");
		PackagedApp app = PackagedApp.start(folder, "--spring.profiles.active=demo,postgres",
				"--spring.datasource.url=" + database.get(), "--spring.datasource.username=" + PostgresDatabase.user(),
				"--spring.datasource.password=");
		Crash crash;
		try {
			crash = workThenKill(app);
			app = app.restart();
			// a node killed a moment ago is known dead once it has been silent for 30 s (ADR 0016)
			crash.verifyAfterRestart(app, Duration.ofSeconds(100));
		}
		finally {
			app.stop();
		}
		try (Connection connection = DriverManager.getConnection(database.get(), PostgresDatabase.user(), "")) {
			crash.verifyInDatabase(new JdbcTemplate(new SingleConnectionDataSource(connection, true)), "PostgreSQL");
		}
	}

	/**
	 * Acknowledged creates and follow-ups, then an all-or-nothing import of {@link #IMPORT_ROWS} rows and, once it
	 * has written some, a rescore: killed the moment the rescore is acknowledged.
	 */
	private Crash workThenKill(PackagedApp app) throws Exception {
		WebSession admin = app.signIn("admin", DemoUsers.PASSWORD);
		Api api = app.api(admin.issueApiToken("crash test"));
		Crash crash = new Crash(uniqueWord());
		for (int i = 0; i < ACCOUNTS; i++) {
			String name = "崩溃" + crash.tag + "确认" + word(i) + "有限公司";
			HttpResponse<String> created = api.postJson("/api/v1/accounts?duplicatesConfirmed=true",
					"{\"name\":\"" + name + "\"}");
			assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
			crash.accounts.put(JSON.readTree(created.body()).get("id").asLong(), name);
		}
		for (long account : crash.accounts.keySet().stream().limit(FOLLOW_UPS).toList()) {
			String summary = "崩溃测试跟进" + crash.tag + account;
			HttpResponse<String> logged = api.postJson("/api/v1/accounts/" + account + "/follow-ups",
					"{\"kind\":\"CALL\",\"summary\":\"" + summary + "\"}");
			assertThat(logged.statusCode()).as(logged.body()).isEqualTo(201);
			crash.followUps.put(account, summary);
		}

		long before = total(api);
		StringBuilder csv = new StringBuilder("客户名称\n");
		for (int i = 0; i < IMPORT_ROWS; i++) {
			csv.append(crash.importPrefix()).append(word(i)).append("贸易有限公司\n");
		}
		CompletableFuture<HttpResponse<String>> importing = api.postFile(
				"/api/v1/accounts/import?duplicatesConfirmed=true", "crash.csv", csv.toString().getBytes(StandardCharsets.UTF_8));
		await("the import writing its rows").atMost(Duration.ofMinutes(3))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> importing.isDone() || total(api) - before >= 1000);
		assertThat(importing.isDone()).as("the import still writing when killed, not: %s",
				importing.isDone() ? importing.join().body() : "").isFalse();
		crash.importRowsSeen = total(api) - before;

		String progress = admin.postForm("/value/runs", Map.of()).body();
		Matcher run = Pattern.compile("/value/runs/(\\d+)").matcher(progress);
		assertThat(run.find()).as("a rescore still running when killed: %s", progress).isTrue();
		crash.rescoreRun = Long.parseLong(run.group(1));
		app.kill();
		return crash;
	}

	private static long total(Api api) throws IOException, InterruptedException {
		return JSON.readTree(api.get("/api/v1/accounts?size=1").body()).get("totalItems").asLong();
	}

	private static String command(Path folder, String... arguments) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-jar",
				Path.of(System.getProperty("keyaccount.jar")).toAbsolutePath().toString()));
		command.addAll(List.of(arguments));
		Process process = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		return output;
	}

	private static String uniqueWord() {
		return word(ThreadLocalRandom.current().nextInt(1_000_000));
	}

	/** Chinese characters for the digits of n: names that differ in more than one character. */
	private static String word(int n) {
		String chars = "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥金木水火土日月星辰山川";
		StringBuilder word = new StringBuilder();
		String digits = String.format("%06d", n);
		for (char digit : digits.toCharArray()) {
			int d = digit - '0';
			word.append(chars.charAt(d)).append(chars.charAt(10 + (d * 7 + digits.length()) % 23));
		}
		return word.toString();
	}

	/** What the killed process was told and was doing. */
	private static final class Crash {

		final String tag;

		final Map<Long, String> accounts = new LinkedHashMap<>();

		final Map<Long, String> followUps = new LinkedHashMap<>();

		long importRowsSeen;

		long rescoreRun;

		Crash(String tag) {
			this.tag = tag;
		}

		String importPrefix() {
			return "崩溃" + tag + "导入";
		}

		/** What a user sees after the restart. */
		void verifyAfterRestart(PackagedApp app, Duration recognisedDeadWithin) throws Exception {
			WebSession admin = app.signIn("admin", DemoUsers.PASSWORD);
			Api api = app.api(admin.issueApiToken("after the crash"));
			int found = 0;
			for (Map.Entry<Long, String> account : accounts.entrySet()) {
				HttpResponse<String> shown = api.get("/api/v1/accounts/" + account.getKey());
				assertThat(shown.statusCode()).as("account %s after the restart", account.getValue()).isEqualTo(200);
				assertThat(JSON.readTree(shown.body()).get("facts").get("name").asString()).isEqualTo(account.getValue());
				found++;
			}
			for (Map.Entry<Long, String> followUp : followUps.entrySet()) {
				JsonNode timeline = JSON.readTree(api.get("/api/v1/accounts/" + followUp.getKey() + "/follow-ups").body());
				assertThat(timeline.findValuesAsString("summary")).contains(followUp.getValue());
				found++;
			}
			System.out.printf("Crash test: %d acknowledged writes, %d after restart%n", accounts.size() + followUps.size(),
					found);

			long restarted = System.nanoTime();
			String[] accepted = new String[1];
			await("a new rescore accepted").atMost(recognisedDeadWithin).pollInterval(Duration.ofSeconds(1)).until(() -> {
				accepted[0] = admin.postForm("/value/runs", Map.of()).body();
				return !accepted[0].contains("alert-warning");
			});
			System.out.printf("Crash test: rescore run %d cut off by the kill; the next one accepted %.1f s after the restart%n",
					rescoreRun, (System.nanoTime() - restarted) / 1e9);
			Matcher next = Pattern.compile("/value/runs/(\\d+)").matcher(accepted[0]);
			if (next.find()) {
				await("the new rescore completed").atMost(Duration.ofMinutes(2))
					.pollInterval(Duration.ofMillis(500))
					.until(() -> !admin.get("/value/runs/" + next.group(1)).body().contains("hx-get"));
			}
			await("the cut-off import taken back").atMost(recognisedDeadWithin)
				.pollInterval(Duration.ofSeconds(1))
				.until(() -> JSON.readTree(api.get("/api/v1/accounts?size=1&keyword=" + java.net.URLEncoder
					.encode(importPrefix(), StandardCharsets.UTF_8)).body()).get("totalItems").asLong() == 0);
		}

		/** What the database holds once the restarted application has stopped. */
		void verifyInDatabase(JdbcTemplate jdbc, String database) {
			String ids = accounts.keySet().stream().map(String::valueOf).reduce((a, b) -> a + "," + b).orElseThrow();
			assertThat(jdbc.queryForObject("select count(*) from account where id in (" + ids + ")", Long.class))
				.isEqualTo(ACCOUNTS);
			assertThat(jdbc.queryForObject("select count(*) from follow_up where summary like ?", Long.class,
					"崩溃测试跟进" + tag + "%")).isEqualTo(FOLLOW_UPS);
			long kept = jdbc.queryForObject("select count(*) from account where name like ?", Long.class,
					importPrefix() + "%");
			assertThat(kept).as("rows of the all-or-nothing import cut off by the kill").isZero();
			assertThat(jdbc.queryForList("select status from account_import_run", String.class))
				.containsExactly("TAKEN_BACK");
			assertThat(jdbc.queryForObject("select status from value_run where id = ?", String.class, rescoreRun))
				.isEqualTo("FAILED");
			assertThat(jdbc.queryForObject("select count(*) from value_run where status = 'RUNNING'", Long.class)).isZero();
			System.out.printf("Crash test (%s): all-or-nothing import of %,d rows killed after %,d were written, %d kept"
					+ " after restart; rescore run %d failed, the next completed%n", database, IMPORT_ROWS,
					importRowsSeen, kept, rescoreRun);
		}

	}

}

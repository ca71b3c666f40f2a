package io.keyaccount;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's promise, on the jar a user runs: started with the default configuration in an empty folder it
 * creates its H2 database under {@code ./data/}, sends the visitor to the setup page, and shuts down gracefully.
 * With the {@code demo} profile the login page answers at once, the demo company already there. Unit tests use
 * an in-memory database, so only this test sees the default file URL.
 */
class PackagedApplicationIT {

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	@Test
	void aNewInstallStartsOnTheSetupPageAndStopsGracefully(@TempDir Path folder) throws Exception {
		int port = freePort();
		Process app = start(folder, port);
		try {
			HttpResponse<String> login = waitForLogin(app, port, folder);
			assertThat(login.statusCode()).isEqualTo(302);
			assertThat(login.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/setup"));
			HttpResponse<String> setup = get(port, "/setup");
			assertThat(setup.statusCode()).isEqualTo(200);
			assertThat(setup.body()).contains("初始化 Keyaccount");
			assertThat(folder.resolve("data/keyaccount.mv.db")).exists();
			waitUntilReady(app, port, folder);
		}
		finally {
			app.destroy();
		}
		assertThat(app.waitFor(60, TimeUnit.SECONDS)).as("stopped within a minute of SIGTERM").isTrue();
		assertThat(log(folder)).contains("Graceful shutdown complete").doesNotContain("Exception");
	}

	@Test
	void theDemoProfileServesTheLoginPageWithTheDemoCompanyLoaded(@TempDir Path folder) throws Exception {
		int port = freePort();
		Process app = start(folder, port, "--spring.profiles.active=demo");
		try {
			HttpResponse<String> login = waitForLogin(app, port, folder);
			assertThat(login.statusCode()).as("no setup page for a visitor of the demo").isEqualTo(200);
			assertThat(login.body()).contains("name=\"username\"");
			assertThat(log(folder)).contains("Demo company loaded");
		}
		finally {
			app.destroyForcibly().waitFor(60, TimeUnit.SECONDS);
		}
	}

	private Process start(Path folder, int port, String... arguments) throws IOException {
		String jar = System.getProperty("keyaccount.jar");
		assertThat(jar).as("the failsafe configuration names the packaged jar").isNotBlank();
		List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
				"-jar", Path.of(jar).toAbsolutePath().toString(), "--server.port=" + port));
		command.addAll(List.of(arguments));
		return new ProcessBuilder(command).directory(folder.toFile())
			.redirectErrorStream(true)
			.redirectOutput(folder.resolve("app.log").toFile())
			.start();
	}

	private HttpResponse<String> waitForLogin(Process app, int port, Path folder) throws Exception {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
		long started = System.nanoTime();
		while (System.nanoTime() < deadline) {
			assertThat(app.isAlive()).as("the application exited; its log:%n%s", log(folder)).isTrue();
			try {
				HttpResponse<String> response = get(port, "/login");
				System.out.printf("Packaged jar answered /login after %.1f s%n", (System.nanoTime() - started) / 1e9);
				return response;
			}
			catch (IOException notYet) {
				Thread.sleep(250);
			}
		}
		throw new AssertionError("no answer on /login within 180 s; log:\n" + log(folder));
	}

	/**
	 * Tomcat answers before start-up has ended (the index check still runs after it); a SIGTERM in that window
	 * aborts the start, which is not the graceful shutdown of a running application this test is about.
	 */
	private void waitUntilReady(Process app, int port, Path folder) throws Exception {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
		while (System.nanoTime() < deadline) {
			assertThat(app.isAlive()).as("the application exited; its log:%n%s", log(folder)).isTrue();
			if (get(port, "/actuator/health/readiness").statusCode() == 200) {
				return;
			}
			Thread.sleep(250);
		}
		throw new AssertionError("not ready within 120 s; log:\n" + log(folder));
	}

	private HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
		return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.header("Accept-Language", "zh-CN")
			.timeout(Duration.ofSeconds(30))
			.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	private static String log(Path folder) throws IOException {
		Path log = folder.resolve("app.log");
		return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}

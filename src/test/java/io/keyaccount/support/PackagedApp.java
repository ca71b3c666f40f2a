package io.keyaccount.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The packaged jar ({@code keyaccount.jar}, named by the failsafe configuration) run as a user runs it: in a folder
 * of its own, on a port from the OS, its output appended to {@code app.log} there. Started again on the same folder
 * after {@link #kill()}, it finds what the killed process left. For tests in their own JVMs (failsafe {@code *IT}).
 */
public final class PackagedApp {

	private static final Duration START_TIMEOUT = Duration.ofSeconds(240);

	private final Path folder;

	private final List<String> arguments;

	private final int port;

	private final Process process;

	private PackagedApp(Path folder, List<String> arguments) throws IOException {
		this.folder = folder;
		this.arguments = arguments;
		this.port = freePort();
		String jar = System.getProperty("keyaccount.jar");
		assertThat(jar).as("the failsafe configuration names the packaged jar").isNotBlank();
		List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
				"-jar", Path.of(jar).toAbsolutePath().toString(), "--server.port=" + port));
		command.addAll(arguments);
		Files.writeString(folder.resolve("app.log"), "---- start " + command + System.lineSeparator(),
				StandardOpenOption.CREATE, StandardOpenOption.APPEND);
		this.process = new ProcessBuilder(command).directory(folder.toFile())
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(folder.resolve("app.log").toFile()))
			.start();
	}

	/** Starts the jar in the folder and waits until it is ready for requests. */
	public static PackagedApp start(Path folder, String... arguments) throws IOException {
		PackagedApp app = new PackagedApp(folder, List.of(arguments));
		app.awaitReady();
		return app;
	}

	/** The same jar with the same arguments on the same folder, as an operator restarts it. */
	public PackagedApp restart() throws IOException {
		assertThat(process.isAlive()).as("stopped before it is started again").isFalse();
		return start(folder, arguments.toArray(String[]::new));
	}

	private void awaitReady() {
		long started = System.nanoTime();
		await("readiness of the packaged jar").atMost(START_TIMEOUT).pollInterval(Duration.ofMillis(250)).until(() -> {
			assertThat(process.isAlive()).as("the application exited; its log:%n%s", log()).isTrue();
			try {
				return send(HttpRequest.newBuilder(uri("/actuator/health/readiness")).build()).statusCode() == 200;
			}
			catch (IOException notYet) {
				return false;
			}
		});
		System.out.printf("Packaged jar ready after %.1f s%n", (System.nanoTime() - started) / 1e9);
	}

	/**
	 * {@code kill -9}: no shutdown hook, no graceful shutdown, nothing flushed that was not written already. The
	 * exit status 137 (128 + 9) shows that it was SIGKILL.
	 */
	public void kill() throws InterruptedException {
		process.destroyForcibly();
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("gone after SIGKILL").isTrue();
		assertThat(process.exitValue()).as("killed by SIGKILL").isEqualTo(137);
	}

	/** A graceful stop (SIGTERM). */
	public void stop() throws InterruptedException {
		if (process.isAlive()) {
			process.destroy();
			if (!process.waitFor(60, TimeUnit.SECONDS)) {
				process.destroyForcibly().waitFor(60, TimeUnit.SECONDS);
			}
		}
	}

	public Path folder() {
		return folder;
	}

	public long pid() {
		return process.pid();
	}

	public String log() {
		try {
			Path log = folder.resolve("app.log");
			return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The TCP ports the process listens on, from Linux's {@code /proc}: the sockets among its open files that are in
	 * the LISTEN state. Empty where there is no {@code /proc}.
	 */
	public Set<Integer> listeningPorts() throws IOException {
		Path fds = Path.of("/proc", Long.toString(process.pid()), "fd");
		if (!Files.isDirectory(fds)) {
			return Set.of();
		}
		Set<String> sockets = new HashSet<>();
		try (Stream<Path> links = Files.list(fds)) {
			for (Path link : links.toList()) {
				try {
					String target = Files.readSymbolicLink(link).toString();
					if (target.startsWith("socket:[")) {
						sockets.add(target.substring(8, target.length() - 1));
					}
				}
				catch (IOException closedMeanwhile) {
					// a file closed while listed
				}
			}
		}
		Set<Integer> ports = new HashSet<>();
		for (String table : List.of("tcp", "tcp6")) {
			Path file = Path.of("/proc", Long.toString(process.pid()), "net", table);
			if (Files.exists(file)) {
				List<String> lines = Files.readAllLines(file);
				for (String line : lines.subList(1, lines.size())) {
					String[] f = line.trim().split("\\s+");
					// local address, state 0A = LISTEN, inode
					if (f[3].equals("0A") && sockets.contains(f[9])) {
						ports.add(Integer.parseInt(f[1].substring(f[1].indexOf(':') + 1), 16));
					}
				}
			}
		}
		return ports;
	}

	public int port() {
		return port;
	}

	/** Signs in through the login form, as a browser does. */
	public WebSession signIn(String username, String password) throws IOException, InterruptedException {
		WebSession session = new WebSession();
		String csrf = session.csrf(session.get("/login").body());
		HttpResponse<String> login = session.postForm("/login",
				Map.of("username", username, "password", password, "_csrf", csrf));
		assertThat(login.uri().getPath()).as("signed in as %s", username).isNotEqualTo("/login");
		return session;
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + port + path);
	}

	private static final HttpClient PLAIN = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private HttpResponse<String> send(HttpRequest request) throws IOException {
		try {
			return PLAIN.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException(ex);
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	/** A signed-in browser session: cookies, the CSRF token of the last page, redirects followed. */
	public final class WebSession {

		private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+(?:value|content)=\"([^\"]+)\"");

		private static final Pattern META_CSRF = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

		private final HttpClient http = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NORMAL)
			.connectTimeout(Duration.ofSeconds(2))
			.build();

		private String csrf;

		public HttpResponse<String> get(String path) throws IOException, InterruptedException {
			HttpResponse<String> response = http.send(request(path).GET().build(),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			Matcher meta = META_CSRF.matcher(response.body());
			if (meta.find()) {
				csrf = meta.group(1);
			}
			return response;
		}

		/** A form post carrying the CSRF token of the last page read (or the one given). */
		public HttpResponse<String> postForm(String path, Map<String, String> fields)
				throws IOException, InterruptedException {
			String body = fields.entrySet()
				.stream()
				.map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
						+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
				.collect(Collectors.joining("&"));
			if (!fields.containsKey("_csrf") && csrf != null) {
				body += "&_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8);
			}
			return http.send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}

		/** Issues a personal API token on the profile page and returns it. */
		public String issueApiToken(String name) throws IOException, InterruptedException {
			get("/profile");
			String page = postForm("/profile/tokens", Map.of("name", name)).body();
			Matcher token = Pattern.compile("<code id=\"new-token\">([^<]+)</code>").matcher(page);
			assertThat(token.find()).as("a new token on the profile page").isTrue();
			return token.group(1);
		}

		String csrf(String page) {
			Matcher matcher = CSRF.matcher(page);
			assertThat(matcher.find()).as("a CSRF token on the page").isTrue();
			return matcher.group(1);
		}

		private HttpRequest.Builder request(String path) {
			return HttpRequest.newBuilder(uri(path)).header("Accept-Language", "zh-CN").timeout(Duration.ofSeconds(60));
		}

	}

	/** Calls of the JSON API with a personal token. */
	public Api api(String token) {
		return new Api(token);
	}

	public final class Api {

		private final String token;

		private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

		private Api(String token) {
			this.token = token;
		}

		public HttpResponse<String> get(String path) throws IOException, InterruptedException {
			return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}

		public HttpResponse<String> postJson(String path, String json) throws IOException, InterruptedException {
			return http.send(request(path).header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(json))
				.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}

		/** Sends a file as {@code multipart/form-data} without waiting for the answer. */
		public java.util.concurrent.CompletableFuture<HttpResponse<String>> postFile(String path, String fileName,
				byte[] content) {
			String boundary = "----keyaccount" + System.nanoTime();
			byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
					+ "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
			byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
			return http.sendAsync(request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
				.timeout(Duration.ofMinutes(10))
				.POST(HttpRequest.BodyPublishers.ofByteArrays(List.of(head, content, tail)))
				.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}

		private HttpRequest.Builder request(String path) {
			return HttpRequest.newBuilder(uri(path))
				.header("Authorization", "Bearer " + token)
				.header("Accept-Language", "zh-CN")
				.timeout(Duration.ofSeconds(60));
		}

	}

}

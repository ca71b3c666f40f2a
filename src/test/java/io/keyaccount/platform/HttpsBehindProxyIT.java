package io.keyaccount.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Behind a reverse proxy that ends HTTPS on this machine (X-Forwarded-Proto), the application answers as over
 * HTTPS: HSTS and a Secure session cookie. Plain HTTP gets neither. A real server, since the proxy headers are
 * read by Tomcat.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class HttpsBehindProxyIT {

	@LocalServerPort
	int port;

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void aRequestForwardedAsHttpsGetsHstsAndASecureSessionCookie() throws Exception {
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
			.header("X-Forwarded-Proto", "https")
			.build(), BodyHandlers.ofString());

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Strict-Transport-Security")).hasValueSatisfying(
				value -> assertThat(value).startsWith("max-age="));
		assertThat(response.headers().allValues("Set-Cookie")).anySatisfy(
				cookie -> assertThat(cookie).startsWith("JSESSIONID=").contains("Secure").contains("HttpOnly"));
	}

	@Test
	void plainHttpGetsNeither() throws Exception {
		HttpResponse<String> response = http.send(
				HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login")).build(), BodyHandlers.ofString());

		assertThat(response.headers().firstValue("Strict-Transport-Security")).isEmpty();
		assertThat(response.headers().allValues("Set-Cookie")).allSatisfy(cookie -> assertThat(cookie).doesNotContain("Secure"));
		assertThat(response.headers().firstValue("Content-Security-Policy")).isPresent();
	}

}

package io.keyaccount.notify;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A group robot's webhook on a local port: it keeps what it received and answers as WeCom and DingTalk do. Given a
 * secret it checks DingTalk's signature as DingTalk documents it, and answers errcode 310000 when it does not match.
 */
final class RobotReceiver implements AutoCloseable {

	private final HttpServer server;

	private final String secret;

	final List<String> bodies = new CopyOnWriteArrayList<>();

	final List<String> refusals = new CopyOnWriteArrayList<>();

	volatile boolean busy;

	RobotReceiver(String secret) throws IOException {
		this.secret = secret;
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/", this::handle);
		server.start();
	}

	String url(String path) {
		return "http://127.0.0.1:" + server.getAddress().getPort() + path;
	}

	private void handle(HttpExchange exchange) throws IOException {
		String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
		String answer;
		if (busy) {
			refusals.add(body);
			answer = "{\"errcode\":-1,\"errmsg\":\"system busy\"}";
		}
		else if (secret != null && !signatureMatches(exchange.getRequestURI().getRawQuery())) {
			refusals.add(body);
			answer = "{\"errcode\":310000,\"errmsg\":\"sign not match\"}";
		}
		else {
			bodies.add(body);
			answer = "{\"errcode\":0,\"errmsg\":\"ok\"}";
		}
		byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.sendResponseHeaders(200, bytes.length);
		exchange.getResponseBody().write(bytes);
		exchange.close();
	}

	private boolean signatureMatches(String rawQuery) {
		Map<String, String> query = new HashMap<>();
		for (String pair : rawQuery == null ? new String[0] : rawQuery.split("&")) {
			int eq = pair.indexOf('=');
			if (eq > 0) {
				query.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
			}
		}
		String timestamp = query.get("timestamp");
		String sign = query.get("sign");
		if (timestamp == null || sign == null
				|| Math.abs(System.currentTimeMillis() - Long.parseLong(timestamp)) > 3_600_000) {
			return false;
		}
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			String expected = Base64.getEncoder()
				.encodeToString(mac.doFinal((timestamp + "\n" + secret).getBytes(StandardCharsets.UTF_8)));
			return expected.equals(sign);
		}
		catch (Exception ex) {
			return false;
		}
	}

	@Override
	public void close() {
		server.stop(0);
	}

}

package io.keyaccount.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One HTTP/1.1 keep-alive connection on a blocking socket, driven by the thread that calls it: the bench's client.
 * <p>
 * Until the tenth session the bench called the API through {@code java.net.http.HttpClient}, which hands every
 * exchange between the caller, its selector thread and its executor: thread wake-ups that belong to the client, not
 * to the API, measured at 0.1–0.5 ms a call on this machine (bench/README, tenth session). The SQL
 * references talk to their database the same way this does, one blocking socket per caller. Not a general client:
 * no TLS, no redirects, no 100-continue; answers with a {@code Content-Length} or chunked, as Tomcat sends them.
 */
final class PlainHttp implements AutoCloseable {

	record Response(int status, byte[] body) {

		String text() {
			return new String(body, StandardCharsets.UTF_8);
		}

	}

	private final String host;

	private final int port;

	private final int timeoutMillis;

	private Socket socket;

	private InputStream in;

	private OutputStream out;

	PlainHttp(String host, int port, int timeoutMillis) {
		this.host = host;
		this.port = port;
		this.timeoutMillis = timeoutMillis;
	}

	/**
	 * Sends one request and reads its whole answer. {@code headers} are complete header lines without the line end;
	 * {@code body} parts (may be none) are sent one after the other with their total length.
	 */
	Response exchange(String method, String path, String[] headers, byte[]... body) throws IOException {
		boolean fresh = socket == null;
		try {
			return exchangeOnce(method, path, headers, body);
		}
		catch (IOException ex) {
			close();
			if (fresh || ex instanceof SocketTimeoutException) {
				throw ex;
			}
			// the server may close an idle keep-alive connection between two calls: one retry on a new one (not
			// after a timeout, when the server may have done what a create asked)
			return exchangeOnce(method, path, headers, body);
		}
	}

	private Response exchangeOnce(String method, String path, String[] headers, byte[][] body) throws IOException {
		if (socket == null) {
			connect();
		}
		long length = 0;
		for (byte[] part : body) {
			length += part.length;
		}
		StringBuilder head = new StringBuilder(256).append(method).append(' ').append(path).append(" HTTP/1.1\r\n")
			.append("Host: ").append(host).append(':').append(port).append("\r\n");
		for (String header : headers) {
			head.append(header).append("\r\n");
		}
		if (body.length > 0) {
			head.append("Content-Length: ").append(length).append("\r\n");
		}
		out.write(head.append("\r\n").toString().getBytes(StandardCharsets.UTF_8));
		for (byte[] part : body) {
			out.write(part);
		}
		out.flush();
		return readResponse();
	}

	private Response readResponse() throws IOException {
		String statusLine = line();
		if (!statusLine.startsWith("HTTP/1.1 ") || statusLine.length() < 12) {
			throw new IOException("not an HTTP/1.1 answer: " + statusLine);
		}
		int status = Integer.parseInt(statusLine.substring(9, 12));
		long length = -1;
		boolean chunked = false;
		boolean closes = false;
		for (String header = line(); !header.isEmpty(); header = line()) {
			String lower = header.toLowerCase(Locale.ROOT);
			if (lower.startsWith("content-length:")) {
				length = Long.parseLong(lower.substring(15).trim());
			}
			else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
				chunked = true;
			}
			else if (lower.startsWith("connection:") && lower.contains("close")) {
				closes = true;
			}
		}
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		if (chunked) {
			for (int size = chunkSize(); size > 0; size = chunkSize()) {
				body.write(exactly(size));
				line();
			}
			while (!line().isEmpty()) {
				// trailers
			}
		}
		else if (length > 0) {
			body.write(exactly(Math.toIntExact(length)));
		}
		if (closes) {
			close();
		}
		return new Response(status, body.toByteArray());
	}

	private int chunkSize() throws IOException {
		String size = line();
		int extension = size.indexOf(';');
		return Integer.parseInt((extension < 0 ? size : size.substring(0, extension)).trim(), 16);
	}

	private byte[] exactly(int n) throws IOException {
		byte[] bytes = in.readNBytes(n);
		if (bytes.length < n) {
			throw new EOFException("answer ended after " + bytes.length + " of " + n + " bytes");
		}
		return bytes;
	}

	private String line() throws IOException {
		StringBuilder line = new StringBuilder(64);
		for (int c = in.read(); c != '\n'; c = in.read()) {
			if (c < 0) {
				throw new EOFException("connection closed by the server");
			}
			if (c != '\r') {
				line.append((char) c);
			}
		}
		return line.toString();
	}

	private void connect() throws IOException {
		Socket s = new Socket();
		s.setTcpNoDelay(true);
		s.connect(new InetSocketAddress(host, port), 10_000);
		s.setSoTimeout(timeoutMillis);
		socket = s;
		in = new BufferedInputStream(s.getInputStream(), 65536);
		out = new BufferedOutputStream(s.getOutputStream(), 65536);
	}

	@Override
	public void close() {
		if (socket != null) {
			try {
				socket.close();
			}
			catch (IOException ex) {
				// closing a connection we are done with
			}
			socket = null;
		}
	}

}

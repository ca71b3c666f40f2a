package io.keyaccount.platform.files;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The encoding of a CSV file: UTF-8 (with or without a byte-order mark) when every byte sequence is valid UTF-8,
 * otherwise GBK as Excel on a Chinese Windows saves it (read as GB18030, its superset).
 */
final class TextEncodings {

	static final Charset GBK = Charset.forName("GB18030");

	private static final byte[] UTF8_BOM = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };

	private TextEncodings() {
	}

	static Charset detect(Path file) throws IOException {
		try (InputStream in = Files.newInputStream(file)) {
			byte[] head = in.readNBytes(3);
			if (startsWithBom(head)) {
				return StandardCharsets.UTF_8;
			}
			CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT);
			ByteBuffer bytes = ByteBuffer.allocate(64 * 1024);
			CharBuffer chars = CharBuffer.allocate(64 * 1024);
			bytes.put(head);
			boolean end = false;
			while (!end) {
				int read = in.read(bytes.array(), bytes.position(), bytes.remaining());
				end = read < 0;
				if (read > 0) {
					bytes.position(bytes.position() + read);
				}
				bytes.flip();
				CoderResult result = decoder.decode(bytes, chars, end);
				if (result.isError()) {
					return GBK;
				}
				chars.clear();
				bytes.compact();
			}
			return decoder.flush(chars).isError() ? GBK : StandardCharsets.UTF_8;
		}
	}

	/** A reader over the file in its encoding, past the byte-order mark if there is one. */
	static BufferedReader reader(Path file, Charset charset) throws IOException {
		InputStream in = Files.newInputStream(file);
		if (charset.equals(StandardCharsets.UTF_8)) {
			in = new java.io.BufferedInputStream(in);
			in.mark(3);
			if (!startsWithBom(in.readNBytes(3))) {
				in.reset();
			}
		}
		return new BufferedReader(new InputStreamReader(in, charset), 64 * 1024);
	}

	private static boolean startsWithBom(byte[] head) {
		return head.length == 3 && head[0] == UTF8_BOM[0] && head[1] == UTF8_BOM[1] && head[2] == UTF8_BOM[2];
	}

}

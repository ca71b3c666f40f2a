package io.keyaccount.notify.channel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Component;

/**
 * Encrypts channel secrets (webhook URLs, signing secrets) with AES-256-GCM before they reach the database. The key
 * comes from {@code keyaccount.notify.secret-key} (Base64, 32 bytes) or, when unset, from a key file generated once
 * in the data folder; losing the key means entering the secrets again, nothing else.
 */
@Component
public class SecretBox {

	private static final int IV_LENGTH = 12;

	private static final int TAG_BITS = 128;

	private final SecureRandom random = new SecureRandom();

	private final SecretKeySpec key;

	SecretBox(NotifyProperties properties) {
		this.key = new SecretKeySpec(keyBytes(properties), "AES");
	}

	public String encrypt(String plain) {
		try {
			byte[] iv = new byte[IV_LENGTH];
			random.nextBytes(iv);
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
			byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
			return Base64.getEncoder().encodeToString(ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot encrypt a channel secret", ex);
		}
	}

	public String decrypt(String stored) {
		try {
			byte[] all = Base64.getDecoder().decode(stored);
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, IV_LENGTH));
			return new String(cipher.doFinal(all, IV_LENGTH, all.length - IV_LENGTH), StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException | IllegalArgumentException ex) {
			throw new IllegalStateException("A channel secret cannot be decrypted with this key", ex);
		}
	}

	/** What a page may show of a secret: its last four characters. */
	public static String masked(String plain) {
		if (plain == null || plain.isEmpty()) {
			return "";
		}
		return "••••" + (plain.length() > 8 ? plain.substring(plain.length() - 4) : "");
	}

	private static byte[] keyBytes(NotifyProperties properties) {
		if (properties.secretKey() != null && !properties.secretKey().isBlank()) {
			return checked(Base64.getDecoder().decode(properties.secretKey().trim()));
		}
		Path file = properties.keyFile();
		try {
			if (Files.exists(file)) {
				return checked(Base64.getDecoder().decode(Files.readString(file).trim()));
			}
			byte[] generated = new byte[32];
			new SecureRandom().nextBytes(generated);
			if (file.getParent() != null) {
				Files.createDirectories(file.getParent());
			}
			Files.writeString(file, Base64.getEncoder().encodeToString(generated));
			try {
				Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
			}
			catch (UnsupportedOperationException ex) {
				// not a POSIX file system (Windows): the folder's own permissions apply
			}
			return generated;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read or create the notification key file " + file, ex);
		}
	}

	private static byte[] checked(byte[] key) {
		if (key.length != 32) {
			throw new IllegalStateException("keyaccount.notify.secret-key must be 32 bytes in Base64");
		}
		return key;
	}

}

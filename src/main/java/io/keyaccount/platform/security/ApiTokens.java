package io.keyaccount.platform.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

import io.keyaccount.platform.persistence.CacheInvalidation;
import io.keyaccount.platform.validation.BusinessRuleException;
import io.keyaccount.platform.validation.Limits;

/** Issues, lists, revokes and checks personal API tokens. */
@Service
public class ApiTokens {

	static final String PREFIX = "ka_";

	/** How exactly {@code last_used_at} follows the calls made with a token. */
	static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);

	/**
	 * How long a token's sign-in is reused: an API client makes many calls a second, and each would otherwise cost
	 * four queries (token, last use, user, roles). A revocation on this node applies at once; a revocation on
	 * another node within this time. A user disabled or given other roles is seen within seconds on every node
	 * ({@link SignedInSessions}).
	 */
	static final Duration SIGN_IN_REUSE = Duration.ofSeconds(10);

	private final ApiTokenRepository repository;

	private final JdbcTemplate jdbc;

	private final StaffDirectory staff;

	private final SecureRandom random = new SecureRandom();

	private final Cache<String, Optional<KeyaccountUser>> recentSignIns = Caffeine.newBuilder()
		.expireAfterWrite(SIGN_IN_REUSE)
		.maximumSize(10_000)
		.build();

	ApiTokens(ApiTokenRepository repository, JdbcTemplate jdbc, StaffDirectory staff) {
		this.repository = repository;
		this.jdbc = jdbc;
		this.staff = staff;
	}

	/** Ten years: a later expiry date is not a date both databases keep. */
	private static final int MAX_VALID_DAYS = 3650;

	/** Creates a token and returns its plain text, which is never stored. */
	@Transactional
	public IssuedToken issue(long userId, String name, Integer validDays) {
		if (!StringUtils.hasText(name)) {
			throw new BusinessRuleException("name", "validation.required");
		}
		Limits.checkLength("name", "profile.tokenName", name.trim(), 100);
		Limits.checkAtMost("validDays", "profile.tokenDays", validDays, MAX_VALID_DAYS);
		byte[] bytes = new byte[32];
		random.nextBytes(bytes);
		String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		Instant expires = validDays == null || validDays <= 0 ? null : Instant.now().plusSeconds(validDays * 86400L);
		ApiToken saved = repository
			.save(new ApiToken(userId, name.trim(), sha256(token), token.substring(0, 10), expires));
		return new IssuedToken(saved.getId(), token);
	}

	@Transactional(readOnly = true)
	public List<ApiToken> of(long userId) {
		return repository.findByUserIdOrderByCreatedAtDesc(userId);
	}

	@Transactional
	public void revoke(long userId, long tokenId) {
		repository.findById(tokenId).filter(t -> t.getUserId() == userId).ifPresent(ApiToken::revoke);
		CacheInvalidation.forgetNowAndWhenTransactionEnds(recentSignIns::invalidateAll);
	}

	/** Revokes every token of the user: his password changed, so whoever may have read it loses his tokens too. */
	@Transactional
	public void revokeAll(long userId) {
		repository.findByUserIdOrderByCreatedAtDesc(userId).stream().filter(t -> !t.isRevoked()).forEach(ApiToken::revoke);
		forgetSignIns();
	}

	/** Tokens are checked again at their next call: a user's rights, or the user himself, changed. */
	void forgetSignIns() {
		CacheInvalidation.forgetNowAndWhenTransactionEnds(recentSignIns::invalidateAll);
	}

	/**
	 * The enabled user a presented token signs in, if the token is valid; marks it as used. A user whose password
	 * sign-in is locked after wrong passwords keeps his tokens ({@link LoginAttempts}).
	 */
	Optional<KeyaccountUser> signIn(String presented) {
		if (presented == null || !presented.startsWith(PREFIX)) {
			return Optional.empty();
		}
		return recentSignIns.get(sha256(presented), hash -> userOf(hash).flatMap(staff::findById)
			.filter(KeyaccountUser::isEnabled));
	}

	private Optional<Long> userOf(String hash) {
		Timestamp now = Timestamp.from(Instant.now());
		List<Long> users = jdbc.queryForList("""
				select user_id from api_token
				where token_hash = ? and revoked_at is null and (expires_at is null or expires_at > ?)""", Long.class,
				hash, now);
		if (users.isEmpty()) {
			return Optional.empty();
		}
		// At most one write a minute per token: a read-only API call should not wait for a disk write.
		jdbc.update("""
				update api_token set last_used_at = ?
				where token_hash = ? and (last_used_at is null or last_used_at < ?)""", now, hash,
				Timestamp.from(now.toInstant().minus(LAST_USED_PRECISION)));
		return Optional.of(users.get(0));
	}

	static String sha256(String text) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public record IssuedToken(long id, String token) {
	}

}

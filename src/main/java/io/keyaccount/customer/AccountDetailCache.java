package io.keyaccount.customer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongFunction;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.stereotype.Component;

import io.keyaccount.customer.AccountDetails.StoredAccount;
import io.keyaccount.platform.persistence.CacheInvalidation;
import io.keyaccount.platform.persistence.DatabaseNotifications;

/**
 * The accounts whose detail was shown lately, as stored, with their subsidiaries: a salesperson, his manager and
 * the account team open the same accounts all day, and each of those reads costs a round trip to the database
 * that takes several times the rest of the call on a small server (bench/README, "Why the detail stays above 5×").
 * <p>
 * A copy is forgotten when its account changes: on this node when the changing transaction writes and again when
 * it ends ({@link AccountChangeListener}, and the few writers in SQL call {@link #forgetTenant}); on any node when
 * PostgreSQL notifies {@value #CHANNEL} (migration V26). An account's change also reaches the parents whose
 * subsidiaries list it. Until a node hears every change, it keeps nothing. Copies older than
 * {@link Settings#keepFor} are read again in any case: a bound on what a change that escaped all this could cost.
 * Who may see an account is decided on every call, from the copy, not kept.
 */
@Component
public class AccountDetailCache implements DatabaseNotifications.Subscriber {

	static final String CHANNEL = "account_changed";

	/**
	 * {@code keyaccount.customer.detail-cache.*}.
	 *
	 * @param maxEntries accounts kept per node (each about a kilobyte); 0 keeps none
	 * @param keepFor how long a copy is used before it is read again even though no change was heard
	 */
	@ConfigurationProperties("keyaccount.customer.detail-cache")
	public record Settings(@DefaultValue("20000") long maxEntries, @DefaultValue("10m") Duration keepFor) {
	}

	private record Key(long tenant, long id) {
	}

	private final Cache<Key, StoredAccount> accounts;

	private final boolean enabled;

	/** Whether every change to an account reaches this node; until then nothing is kept. */
	private volatile boolean hearing;

	AccountDetailCache(Settings settings) {
		this.enabled = settings.maxEntries() > 0;
		this.accounts = Caffeine.newBuilder()
			.maximumSize(Math.max(settings.maxEntries(), 0))
			.expireAfterWrite(settings.keepFor())
			.build();
	}

	/** The account as stored, kept or read with {@code read}; nothing is kept of an account that is not there. */
	Optional<StoredAccount> get(long tenant, long id, LongFunction<Optional<StoredAccount>> read) {
		if (!enabled || !hearing) {
			return read.apply(id);
		}
		// computed under the key's lock: a change heard while the account is read waits, then forgets what was read
		return Optional.ofNullable(accounts.get(new Key(tenant, id), key -> read.apply(id).orElse(null)));
	}

	/** Whether this node keeps a copy of the account now. */
	boolean keeps(long tenant, long id) {
		return accounts.getIfPresent(new Key(tenant, id)) != null;
	}

	/**
	 * An account of this tenant changed in the current transaction (or, outside one, just now): forget it and its
	 * old and new parents now and when the transaction ends.
	 */
	void changed(long tenant, long id, Long oldParentId, Long newParentId) {
		List<Key> keys = keys(tenant, id, oldParentId, newParentId);
		CacheInvalidation.forgetNowAndWhenTransactionEnds(() -> accounts.invalidateAll(keys));
	}

	/**
	 * Accounts of this tenant changed in SQL in the current transaction, their parents unknown: forget all the
	 * tenant's accounts now and when the transaction ends. For rare changes (a restore or purge from the recycle
	 * bin, an import taken back).
	 */
	public void forgetTenant(long tenant) {
		CacheInvalidation.forgetNowAndWhenTransactionEnds(
				() -> accounts.asMap().keySet().removeIf(key -> key.tenant() == tenant));
	}

	@Override
	public String channel() {
		return CHANNEL;
	}

	/** {@code tenant,id,old parent,new parent} (parents may be empty), as V26's trigger sends it. */
	@Override
	public void changed(String payload) {
		String[] parts = payload.split(",", -1);
		accounts.invalidateAll(keys(Long.parseLong(parts[0]), Long.parseLong(parts[1]), parentOf(parts[2]),
				parentOf(parts[3])));
	}

	private static Long parentOf(String part) {
		return part.isEmpty() ? null : Long.valueOf(part);
	}

	/** The account and its old and new parent, whose subsidiaries list it. */
	private static List<Key> keys(long tenant, long id, Long oldParentId, Long newParentId) {
		List<Key> keys = new ArrayList<>(3);
		keys.add(new Key(tenant, id));
		if (oldParentId != null) {
			keys.add(new Key(tenant, oldParentId));
		}
		if (newParentId != null && !newParentId.equals(oldParentId)) {
			keys.add(new Key(tenant, newParentId));
		}
		return keys;
	}

	@Override
	public void hearing(boolean everyChange) {
		if (!everyChange) {
			hearing = false;
		}
		accounts.invalidateAll();
		hearing = everyChange;
	}

}

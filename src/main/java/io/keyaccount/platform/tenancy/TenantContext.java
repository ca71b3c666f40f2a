package io.keyaccount.platform.tenancy;

import java.util.function.Supplier;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Which tenant the current thread works for. A signed-in user's tenant wins; background work, setup and
 * tests run inside {@link #callAs(long, Supplier)}. A single-company install has only {@link #DEFAULT_TENANT}.
 */
public final class TenantContext {

	public static final long DEFAULT_TENANT = 1L;

	private static final ThreadLocal<Long> OVERRIDE = new ThreadLocal<>();

	private TenantContext() {
	}

	public static long currentTenant() {
		Long override = OVERRIDE.get();
		if (override != null) {
			return override;
		}
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof TenantMember member) {
			return member.tenantId();
		}
		return DEFAULT_TENANT;
	}

	public static <T> T callAs(long tenantId, Supplier<T> work) {
		Long previous = OVERRIDE.get();
		OVERRIDE.set(tenantId);
		try {
			return work.get();
		}
		finally {
			if (previous == null) {
				OVERRIDE.remove();
			}
			else {
				OVERRIDE.set(previous);
			}
		}
	}

	public static void runAs(long tenantId, Runnable work) {
		callAs(tenantId, () -> {
			work.run();
			return null;
		});
	}

	/** Implemented by principals that belong to a tenant. */
	public interface TenantMember {

		long tenantId();

	}

}

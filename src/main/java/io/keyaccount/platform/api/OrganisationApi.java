package io.keyaccount.platform.api;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.keyaccount.platform.organisation.Organisation;
import io.keyaccount.platform.organisation.Organisation.UnitNode;
import io.keyaccount.platform.organisation.Organisation.UserQuery;
import io.keyaccount.platform.organisation.User;
import io.keyaccount.platform.security.CurrentUser;
import io.keyaccount.platform.security.KeyaccountUser;
import io.keyaccount.platform.web.PageLinks;

/** The signed-in user, the organisation tree and the staff list. */
@RestController
@RequestMapping("/api/v1")
class OrganisationApi {

	private final Organisation organisation;

	private final CurrentUser currentUser;

	OrganisationApi(Organisation organisation, CurrentUser currentUser) {
		this.organisation = organisation;
		this.currentUser = currentUser;
	}

	@GetMapping("/me")
	MeResponse me() {
		KeyaccountUser me = currentUser.require();
		return new MeResponse(me.userId(), me.getUsername(), me.displayName(), me.unitId(), me.dataScope().name(),
				me.getAuthorities().stream().map(Object::toString).sorted().toList());
	}

	@GetMapping("/units")
	List<UnitNode> units() {
		return organisation.unitTree();
	}

	@GetMapping("/users")
	@PreAuthorize("hasAuthority('admin.users')")
	PageResponse<UserResponse> users(@RequestParam(required = false) String keyword,
			@RequestParam(required = false) Long unitId, @RequestParam(required = false) Boolean enabled,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
			@RequestParam(required = false) String sort, @RequestParam(required = false) String dir) {
		return PageResponse.of(
				organisation.users(new UserQuery(keyword, unitId, enabled), PageLinks.pageable(page, size, sort, dir,
						Set.of("username", "displayName", "createdAt"), Sort.by("displayName"))),
				UserResponse::of);
	}

	@GetMapping("/users/{id}")
	@PreAuthorize("hasAuthority('admin.users')")
	UserResponse user(@PathVariable long id) {
		return UserResponse.of(organisation.user(id));
	}

	record MeResponse(long id, String username, String displayName, long unitId, String dataScope,
			List<String> permissions) {
	}

	record UserResponse(long id, String username, String displayName, String email, String mobile, long unitId,
			Long managerId, boolean enabled, Instant lastLoginAt, long version) {

		static UserResponse of(User user) {
			return new UserResponse(user.getId(), user.getUsername(), user.getDisplayName(), user.getEmail(),
					user.getMobile(), user.getUnitId(), user.getManagerId(), user.isEnabled(), user.getLastLoginAt(),
					user.getVersion());
		}

	}

}

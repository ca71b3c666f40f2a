package io.keyaccount.customer.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.keyaccount.customer.AccountFacts;
import io.keyaccount.customer.AccountQuery;
import io.keyaccount.customer.AccountQuery.View;
import io.keyaccount.customer.AccountRow;
import io.keyaccount.customer.AccountSource;
import io.keyaccount.customer.AccountStatus;
import io.keyaccount.customer.AccountView;
import io.keyaccount.customer.Attitude;
import io.keyaccount.customer.BuyingRole;
import io.keyaccount.customer.ContactBook;
import io.keyaccount.customer.ContactDetails;
import io.keyaccount.customer.CustomerManagement;
import io.keyaccount.customer.FollowUpLog;
import io.keyaccount.customer.FollowUpLog.FollowUpCommand;
import io.keyaccount.customer.FollowUpLog.FollowUpView;
import io.keyaccount.customer.Industry;
import io.keyaccount.customer.OwnershipType;
import io.keyaccount.customer.PurchasePattern;
import io.keyaccount.customer.PurchasingMode;
import io.keyaccount.customer.domain.Contact;
import io.keyaccount.platform.api.PageResponse;
import io.keyaccount.platform.web.PageLinks;

/** Accounts, contacts and follow-ups over JSON; the data scope applies exactly as in the pages. */
@RestController
@RequestMapping("/api/v1")
@PreAuthorize("hasAuthority('customer.view')")
class CustomerApi {

	private final CustomerManagement customers;

	private final ContactBook contacts;

	private final FollowUpLog followUps;

	CustomerApi(CustomerManagement customers, ContactBook contacts, FollowUpLog followUps) {
		this.customers = customers;
		this.contacts = contacts;
		this.followUps = followUps;
	}

	@GetMapping("/accounts")
	PageResponse<AccountRow> accounts(@RequestParam(required = false) String keyword,
			@RequestParam(required = false) AccountStatus status, @RequestParam(required = false) Industry industry,
			@RequestParam(required = false) String provinceCode, @RequestParam(required = false) Long ownerUserId,
			@RequestParam(required = false) Long ownerUnitId, @RequestParam(required = false) String tag,
			@RequestParam(required = false) Boolean keyAccount, @RequestParam(required = false) View view,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
			@RequestParam(required = false) String sort, @RequestParam(required = false) String dir) {
		AccountQuery query = new AccountQuery(keyword, status, industry, provinceCode, ownerUserId, ownerUnitId, tag,
				keyAccount, view == null ? View.ALL : view);
		return PageResponse.of(customers.accounts(query, PageLinks.pageable(page, size, sort, dir,
				AccountController.SORTABLE, Sort.by(Sort.Direction.DESC, "updatedAt"))), row -> row);
	}

	@GetMapping("/accounts/{id}")
	AccountView account(@PathVariable long id) {
		return customers.account(id);
	}

	@PostMapping("/accounts")
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasAuthority('customer.edit')")
	AccountView create(@Valid @RequestBody AccountRequest request,
			@RequestParam(defaultValue = "false") boolean duplicatesConfirmed) {
		return customers.createAndShow(request.toFacts(), request.ownerUserId(), request.parentId(), duplicatesConfirmed);
	}

	@PutMapping("/accounts/{id}")
	@PreAuthorize("hasAuthority('customer.edit')")
	AccountView update(@PathVariable long id, @Valid @RequestBody AccountRequest request) {
		customers.update(id, request.toFacts(), request.parentId(), request.version() == null ? -1 : request.version());
		return customers.account(id);
	}

	@DeleteMapping("/accounts/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@PreAuthorize("hasAuthority('customer.delete')")
	void delete(@PathVariable long id) {
		customers.delete(id);
	}

	@GetMapping("/accounts/{id}/contacts")
	List<ContactResponse> contacts(@PathVariable long id) {
		return contacts.of(id).stream().map(ContactResponse::of).toList();
	}

	@PostMapping("/accounts/{id}/contacts")
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasAuthority('customer.edit')")
	ContactResponse addContact(@PathVariable long id, @Valid @RequestBody ContactRequest request) {
		return ContactResponse.of(contacts.contact(contacts.add(id, request.toDetails())));
	}

	@GetMapping("/contacts/{id}")
	ContactResponse contact(@PathVariable long id) {
		return ContactResponse.of(contacts.contact(id));
	}

	@PutMapping("/contacts/{id}")
	@PreAuthorize("hasAuthority('customer.edit')")
	ContactResponse updateContact(@PathVariable long id, @Valid @RequestBody ContactRequest request) {
		contacts.update(id, request.toDetails(), request.version() == null ? -1 : request.version());
		return ContactResponse.of(contacts.contact(id));
	}

	@GetMapping("/accounts/{id}/follow-ups")
	List<FollowUpView> followUps(@PathVariable long id, @RequestParam(defaultValue = "50") int limit) {
		return followUps.timeline(id, Math.min(Math.max(limit, 1), 500));
	}

	@PostMapping("/accounts/{id}/follow-ups")
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasAuthority('customer.edit')")
	List<FollowUpView> logFollowUp(@PathVariable long id, @RequestBody FollowUpCommand command) {
		followUps.log(id, command);
		return followUps.timeline(id, 1);
	}

	record AccountRequest(@NotBlank String name, String shortName, String creditCode, String externalId,
			Industry industry, String provinceCode, String cityCode, Integer employees, BigDecimal annualRevenue,
			OwnershipType ownershipType, String website, String address, String phone, AccountSource source,
			AccountStatus status, PurchasingMode purchasingMode, PurchasePattern purchasePattern, Set<String> tags,
			Long parentId, Long ownerUserId, Long version) {

		AccountFacts toFacts() {
			return new AccountFacts(name, shortName, creditCode, externalId, industry, provinceCode, cityCode, employees,
					annualRevenue, ownershipType, website, address, phone, source, status, purchasingMode,
					purchasePattern, tags == null ? Set.of() : tags);
		}

	}

	record ContactRequest(@NotBlank String name, String title, String department, String mobile, String phone,
			String email, String wechat, BuyingRole buyingRole, Integer influence, Attitude attitude,
			Integer relationshipStrength, Long reportsToId, String workNotes, String lifeNotes, String interests,
			LocalDate birthday, Long version) {

		ContactDetails toDetails() {
			return new ContactDetails(name, title, department, mobile, phone, email, wechat, buyingRole, influence,
					attitude, relationshipStrength, reportsToId, workNotes, lifeNotes, interests, birthday);
		}

	}

	record ContactResponse(long id, long accountId, ContactDetails details, boolean leftCompany, LocalDate leftOn,
			Instant updatedAt, long version) {

		static ContactResponse of(Contact c) {
			return new ContactResponse(c.getId(), c.getAccountId(), c.details(), c.isLeftCompany(), c.getLeftOn(),
					c.getUpdatedAt(), c.getVersion());
		}

	}

}

package io.keyaccount.customer;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.Size;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.keyaccount.customer.domain.Account;
import io.keyaccount.customer.domain.Contact;
import io.keyaccount.customer.domain.Contacts;
import io.keyaccount.customer.domain.FollowUp;
import io.keyaccount.customer.domain.FollowUps;
import io.keyaccount.platform.organisation.Organisation;
import io.keyaccount.platform.security.CurrentUser;
import io.keyaccount.platform.validation.BusinessRuleException;
import io.keyaccount.platform.validation.Limits;

/** Follow-up records (跟进记录): log one, read an account's timeline. */
@Service
@Transactional
public class FollowUpLog {

	private final FollowUps followUps;

	private final CustomerManagement customers;

	private final CurrentUser currentUser;

	private final Organisation organisation;

	private final CustomerPool pool;

	private final Contacts contacts;

	FollowUpLog(FollowUps followUps, CustomerManagement customers, CurrentUser currentUser, Organisation organisation,
			CustomerPool pool, Contacts contacts) {
		this.pool = pool;
		this.contacts = contacts;
		this.followUps = followUps;
		this.customers = customers;
		this.currentUser = currentUser;
		this.organisation = organisation;
	}

	public long log(long accountId, FollowUpCommand command) {
		Account account = customers.visibleAccount(accountId);
		if (command.kind() == null) {
			throw new BusinessRuleException("kind", "validation.required");
		}
		if (command.summary() == null || command.summary().isBlank()) {
			throw new BusinessRuleException("summary", "validation.required");
		}
		Limits.check(command, "followUp");
		Instant happenedAt = command.happenedAt() == null ? Instant.now() : command.happenedAt();
		if (happenedAt.isAfter(Instant.now().plusSeconds(3600))) {
			throw new BusinessRuleException("happenedAt", "followUp.inFuture");
		}
		if (command.nextFollowUpOn() != null && command.nextFollowUpOn().isBefore(LocalDate.now())) {
			throw new BusinessRuleException("nextFollowUpOn", "followUp.nextInPast");
		}
		List<Long> theirs = command.contactIds() == null ? List.of() : command.contactIds();
		java.util.Set<Long> ofThisAccount = contacts.findByAccountIdOrderByNameAsc(accountId)
			.stream()
			.map(Contact::getId)
			.collect(java.util.stream.Collectors.toSet());
		if (!ofThisAccount.containsAll(theirs)) {
			throw new BusinessRuleException("contactIds", "followUp.contactOfOtherAccount");
		}
		String contactIds = theirs.isEmpty() ? null
				: theirs.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(","));
		FollowUp followUp = followUps.save(new FollowUp(accountId, currentUser.require().userId(), command.kind(),
				happenedAt, command.ourParticipants(), contactIds, command.summary().trim(), command.nextStep(),
				command.nextFollowUpOn()));
		account.recordFollowUp(happenedAt, command.nextFollowUpOn());
		pool.resolveAlerts(accountId);
		return followUp.getId();
	}

	@Transactional(readOnly = true)
	public List<FollowUpView> timeline(long accountId, int limit) {
		customers.visibleAccount(accountId);
		Map<Long, String> names = organisation.userNames();
		Map<Long, String> contactNames = contacts.findByAccountIdOrderByNameAsc(accountId)
			.stream()
			.collect(java.util.stream.Collectors.toMap(Contact::getId, Contact::getName));
		return followUps.findByAccountIdOrderByHappenedAtDesc(accountId, PageRequest.of(0, limit))
			.stream()
			.map(f -> new FollowUpView(f.getId(), f.getKind(), f.getHappenedAt(), names.get(f.getAuthorUserId()),
					f.getOurParticipants(), theirNames(f.getContactIds(), contactNames), f.getSummary(),
					f.getNextStep(), f.getNextFollowUpOn()))
			.toList();
	}

	private static String theirNames(String contactIds, Map<Long, String> contactNames) {
		if (contactIds == null || contactIds.isBlank()) {
			return null;
		}
		return java.util.Arrays.stream(contactIds.split(","))
			.map(id -> contactNames.get(Long.valueOf(id.trim())))
			.filter(java.util.Objects::nonNull)
			.collect(java.util.stream.Collectors.joining("、"));
	}

	/**
	 * A follow-up to log: {@code contactIds} are the customer's people who took part. The limits are the columns'
	 * ({@code follow_up} in V2; 25 ids of up to 19 digits fit {@code contact_ids}).
	 */
	public record FollowUpCommand(FollowUpKind kind, Instant happenedAt, @Size(max = 500) String ourParticipants,
			@Size(max = 25) List<Long> contactIds, @Size(max = 4000) String summary, @Size(max = 1000) String nextStep,
			LocalDate nextFollowUpOn) {
	}

	public record FollowUpView(long id, FollowUpKind kind, Instant happenedAt, String authorName,
			String ourParticipants, String theirParticipants, String summary, String nextStep,
			LocalDate nextFollowUpOn) {
	}

}

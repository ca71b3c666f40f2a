package io.keyaccount.customer;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
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
import io.keyaccount.platform.persistence.NotFoundException;
import io.keyaccount.platform.security.CurrentUser;
import io.keyaccount.platform.validation.BusinessRuleException;
import io.keyaccount.platform.validation.Limits;

/**
 * Follow-up records (跟进记录): log one, correct or delete one's own for a while after writing it, read an
 * account's timeline. Corrections and deletions are audited as every change of a business record is.
 */
@Service
@Transactional
public class FollowUpLog {

	/**
	 * {@code keyaccount.customer.*} of follow-ups.
	 *
	 * @param followUpEditWindow how long after writing a follow-up its author may correct or delete it
	 */
	@ConfigurationProperties("keyaccount.customer")
	public record Settings(@DefaultValue("24h") Duration followUpEditWindow) {
	}

	private final FollowUps followUps;

	private final CustomerManagement customers;

	private final CurrentUser currentUser;

	private final Organisation organisation;

	private final CustomerPool pool;

	private final Contacts contacts;

	private final Settings settings;

	FollowUpLog(FollowUps followUps, CustomerManagement customers, CurrentUser currentUser, Organisation organisation,
			CustomerPool pool, Contacts contacts, Settings settings) {
		this.pool = pool;
		this.contacts = contacts;
		this.followUps = followUps;
		this.customers = customers;
		this.currentUser = currentUser;
		this.organisation = organisation;
		this.settings = settings;
	}

	public long log(long accountId, FollowUpCommand command) {
		Account account = customers.changeableAccount(accountId);
		Checked checked = check(accountId, command);
		FollowUp followUp = new FollowUp(accountId, currentUser.require().userId(), command.kind(),
				checked.happenedAt(), command.ourParticipants(), checked.contactIds(), command.summary().trim(),
				command.nextStep(), command.nextFollowUpOn());
		followUp.takePart(checked.participantUserIds());
		followUps.save(followUp);
		account.recordFollowUp(checked.happenedAt(), command.nextFollowUpOn());
		pool.resolveAlerts(accountId);
		return followUp.getId();
	}

	/** Its author's correction, within the edit window; {@code version} is the one his form was loaded with. */
	public void revise(long accountId, long followUpId, FollowUpCommand command, long version) {
		FollowUp followUp = editable(accountId, followUpId);
		followUp.checkVersion(version);
		Checked checked = check(followUp.getAccountId(), command);
		followUp.revise(command.kind(), checked.happenedAt(), command.ourParticipants(), checked.contactIds(),
				command.summary().trim(), command.nextStep(), command.nextFollowUpOn());
		followUp.takePart(checked.participantUserIds());
		restateAccount(followUp.getAccountId());
	}

	/** Its author's deletion, within the edit window. Returns what it said, for the confirmation. */
	public String delete(long accountId, long followUpId) {
		FollowUp followUp = editable(accountId, followUpId);
		followUp.moveToRecycleBin();
		followUps.flush();
		restateAccount(followUp.getAccountId());
		return followUp.getSummary();
	}

	/** A follow-up to correct: the current user's own, of an account he sees. */
	@Transactional(readOnly = true)
	public FollowUpView followUp(long accountId, long followUpId) {
		FollowUp followUp = editable(accountId, followUpId);
		return view(followUp, organisation.userNames(), names(followUp.getAccountId()));
	}

	/**
	 * The follow-up of the account the request names: another account's is not found, so a form never shows one
	 * account's follow-up with another's contacts, nor a save goes back to an account it did not change.
	 */
	private FollowUp editable(long accountId, long followUpId) {
		FollowUp followUp = followUps.findById(followUpId)
			.filter(f -> f.getAccountId() == accountId && customers.canSee(f.getAccountId()))
			.orElseThrow(() -> new NotFoundException("FollowUp", followUpId));
		customers.changeableAccount(followUp.getAccountId());
		long me = currentUser.require().userId();
		if (!Objects.equals(followUp.getAuthorUserId(), me)) {
			throw BusinessRuleException.general("followUp.onlyAuthor");
		}
		if (!followUp.editableBy(me, Instant.now(), settings.followUpEditWindow())) {
			throw BusinessRuleException.general("followUp.editWindowPassed", settings.followUpEditWindow().toHours());
		}
		return followUp;
	}

	/** The account's last and next follow-up once one of its follow-ups changed or went. */
	private void restateAccount(long accountId) {
		Account account = customers.visibleAccount(accountId);
		account.restateFollowUps(
				followUps.findFirstByAccountIdOrderByHappenedAtDescIdDesc(accountId).map(FollowUp::getHappenedAt).orElse(null),
				followUps.findFirstByAccountIdAndNextFollowUpOnNotNullOrderByHappenedAtDescIdDesc(accountId)
					.map(FollowUp::getNextFollowUpOn)
					.orElse(null));
	}

	private record Checked(Instant happenedAt, String contactIds, List<Long> participantUserIds) {
	}

	private Checked check(long accountId, FollowUpCommand command) {
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
		Set<Long> ofThisAccount = contacts.findByAccountIdOrderByNameAsc(accountId)
			.stream()
			.map(Contact::getId)
			.collect(Collectors.toSet());
		if (!ofThisAccount.containsAll(theirs)) {
			throw new BusinessRuleException("contactIds", "followUp.contactOfOtherAccount");
		}
		List<Long> ours = command.participantUserIds() == null ? List.of()
				: command.participantUserIds().stream().filter(Objects::nonNull).distinct().toList();
		if (!organisation.userNames().keySet().containsAll(ours)) {
			throw new BusinessRuleException("participantUserIds", "followUp.participantUnknown");
		}
		String contactIds = theirs.isEmpty() ? null
				: theirs.stream().map(String::valueOf).collect(Collectors.joining(","));
		return new Checked(happenedAt, contactIds, ours);
	}

	@Transactional(readOnly = true)
	public List<FollowUpView> timeline(long accountId, int limit) {
		customers.visibleAccount(accountId);
		Map<Long, String> names = organisation.userNames();
		Map<Long, String> contactNames = names(accountId);
		return followUps.findByAccountIdOrderByHappenedAtDesc(accountId, PageRequest.of(0, limit))
			.stream()
			.map(f -> view(f, names, contactNames))
			.toList();
	}

	private Map<Long, String> names(long accountId) {
		return contacts.findByAccountIdOrderByNameAsc(accountId)
			.stream()
			.collect(Collectors.toMap(Contact::getId, Contact::getName));
	}

	private FollowUpView view(FollowUp f, Map<Long, String> names, Map<Long, String> contactNames) {
		Long me = CurrentUser.signedIn().map(user -> user.userId()).orElse(null);
		boolean editable = me != null && f.editableBy(me, Instant.now(), settings.followUpEditWindow());
		List<Long> participants = f.getParticipantUserIds();
		// our users by name, then anyone else of ours written in words
		String participantNames = Stream
			.concat(participants.stream().map(names::get), Stream.of(f.getOurParticipants()))
			.filter(name -> name != null && !name.isBlank())
			.collect(Collectors.collectingAndThen(Collectors.joining("、"), joined -> joined.isEmpty() ? null : joined));
		return new FollowUpView(f.getId(), f.getKind(), f.getHappenedAt(), names.get(f.getAuthorUserId()),
				f.getOurParticipants(), theirNames(f.getContactIds(), contactNames), f.getSummary(), f.getNextStep(),
				f.getNextFollowUpOn(), participants, participantNames, contactIds(f.getContactIds()), editable,
				f.getVersion());
	}

	private static List<Long> contactIds(String contactIds) {
		return contactIds == null || contactIds.isBlank() ? List.of()
				: Arrays.stream(contactIds.split(",")).map(String::trim).map(Long::valueOf).toList();
	}

	private static String theirNames(String contactIds, Map<Long, String> contactNames) {
		return contactIds(contactIds).stream()
			.map(contactNames::get)
			.filter(Objects::nonNull)
			.collect(Collectors.collectingAndThen(Collectors.joining("、"), joined -> joined.isEmpty() ? null : joined));
	}

	/**
	 * A follow-up to log or correct: {@code participantUserIds} are our users who took part (besides its author),
	 * {@code ourParticipants} anyone else of ours in words, {@code contactIds} the customer's people who took part.
	 * The limits are the columns' ({@code follow_up}; 25 ids of up to 19 digits fit {@code contact_ids}).
	 */
	public record FollowUpCommand(FollowUpKind kind, Instant happenedAt, @Size(max = 500) String ourParticipants,
			@Size(max = 25) List<Long> contactIds, @Size(max = 4000) String summary, @Size(max = 1000) String nextStep,
			LocalDate nextFollowUpOn, @Size(max = 25) List<Long> participantUserIds) {

		public FollowUpCommand(FollowUpKind kind, Instant happenedAt, String ourParticipants, List<Long> contactIds,
				String summary, String nextStep, LocalDate nextFollowUpOn) {
			this(kind, happenedAt, ourParticipants, contactIds, summary, nextStep, nextFollowUpOn, null);
		}

	}

	/**
	 * A follow-up as the timeline shows it: {@code participantNames} are our users who took part and anyone else of
	 * ours in words; {@code editable} when the current user may still correct it.
	 */
	public record FollowUpView(long id, FollowUpKind kind, Instant happenedAt, String authorName,
			String ourParticipants, String theirParticipants, String summary, String nextStep,
			LocalDate nextFollowUpOn, List<Long> participantUserIds, String participantNames, List<Long> contactIds,
			boolean editable, long version) {
	}

}

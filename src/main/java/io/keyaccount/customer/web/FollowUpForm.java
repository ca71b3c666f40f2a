package io.keyaccount.customer.web;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import org.springframework.format.annotation.DateTimeFormat;

import io.keyaccount.customer.FollowUpKind;
import io.keyaccount.customer.FollowUpLog.FollowUpCommand;
import io.keyaccount.customer.FollowUpLog.FollowUpView;

record FollowUpForm(FollowUpKind kind, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime happenedAt,
		String ourParticipants, List<Long> contactIds, String summary, String nextStep,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate nextFollowUpOn, List<Long> participantUserIds,
		Long version) {

	static FollowUpForm of(FollowUpView followUp) {
		return new FollowUpForm(followUp.kind(),
				LocalDateTime.ofInstant(followUp.happenedAt(), ZoneId.systemDefault()).withSecond(0).withNano(0),
				followUp.ourParticipants(), followUp.contactIds(), followUp.summary(), followUp.nextStep(),
				followUp.nextFollowUpOn(), followUp.participantUserIds(), followUp.version());
	}

	FollowUpCommand toCommand() {
		return new FollowUpCommand(kind, happenedAt == null ? null : happenedAt.atZone(ZoneId.systemDefault()).toInstant(),
				ourParticipants, contactIds, summary, nextStep, nextFollowUpOn, participantUserIds);
	}

}

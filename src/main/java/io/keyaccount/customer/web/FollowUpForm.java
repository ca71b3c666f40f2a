package io.keyaccount.customer.web;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;

import org.springframework.format.annotation.DateTimeFormat;

import io.keyaccount.customer.FollowUpKind;
import io.keyaccount.customer.FollowUpLog.FollowUpCommand;

record FollowUpForm(FollowUpKind kind, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime happenedAt,
		String ourParticipants, java.util.List<Long> contactIds, String summary, String nextStep,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate nextFollowUpOn) {

	FollowUpCommand toCommand() {
		return new FollowUpCommand(kind, happenedAt == null ? null : happenedAt.atZone(ZoneId.systemDefault()).toInstant(),
				ourParticipants, contactIds, summary, nextStep, nextFollowUpOn);
	}

}

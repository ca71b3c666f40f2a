package io.keyaccount.notify;

/** Where a notification goes besides the notification centre, which every notification reaches. */
public enum Channel {

	EMAIL,

	WECOM,

	DINGTALK

}

package io.keyaccount.customer;

import io.keyaccount.platform.web.Labelled;

/** How we were in touch (拜访/电话/会议/邮件/微信/高层会面). */
public enum FollowUpKind implements Labelled {

	VISIT, CALL, MEETING, EMAIL, WECHAT, EXECUTIVE_MEETING

}

package io.keyaccount.notify.channel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** DingTalk's signed robot URL (加签), checked against a value computed independently with Python's hmac module. */
class DingTalkSignatureTests {

	@Test
	void theSignatureIsTheBase64HmacOfTimestampNewlineSecret() {
		assertThat(DingTalkRobotChannel.signature("this is secret", 1577262236757L))
			.isEqualTo("hmPWwU+7lVdm3ZZz0r9tSfx0L4Q26jWOZr9+Gs6EZQM=");
	}

	@Test
	void theSignedUrlCarriesTheTimestampAndTheUrlEncodedSignature() {
		assertThat(DingTalkRobotChannel.signed("https://oapi.dingtalk.com/robot/send?access_token=abc", "this is secret",
				1577262236757L))
			.isEqualTo("https://oapi.dingtalk.com/robot/send?access_token=abc&timestamp=1577262236757"
					+ "&sign=hmPWwU%2B7lVdm3ZZz0r9tSfx0L4Q26jWOZr9%2BGs6EZQM%3D");
	}

	@Test
	void secretsAreNeverShownBackInFull() {
		assertThat(SecretBox.masked("SEC5a3ecf88f2b3eb50db30ecfc00f53033")).isEqualTo("••••3033");
		assertThat(SecretBox.masked("short")).isEqualTo("••••");
		assertThat(SecretBox.masked(null)).isEmpty();
	}

}

package io.keyaccount.notify.channel;

import java.net.http.HttpClient;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * Posts a JSON message to a group robot and checks its answer: WeCom and DingTalk both answer HTTP 200 with
 * {@code {"errcode":0}} on success and a non-zero errcode (a wrong key, a bad signature, a rate limit) otherwise.
 */
@Component
class RobotWebhook {

	private final RestClient client;

	RobotWebhook(NotifyProperties properties) {
		JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(
				HttpClient.newBuilder().connectTimeout(properties.webhookTimeout()).build());
		factory.setReadTimeout(properties.webhookTimeout());
		this.client = RestClient.builder().requestFactory(factory).build();
	}

	void post(String url, Map<String, Object> body) {
		Map<?, ?> answer = client.post()
			.uri(java.net.URI.create(url))
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.retrieve()
			.body(Map.class);
		Object code = answer == null ? null : answer.get("errcode");
		if (!(code instanceof Number number) || number.intValue() != 0) {
			throw new IllegalStateException("Robot refused the message: " + answer);
		}
	}

}

package io.keyaccount.platform.recyclebin;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class PlatformRecyclables {

	@Bean
	RecyclableType positionRecyclable() {
		return new RecyclableType("position", "recyclable.position", "PositionTitle", "position_title", "name",
				List.of("update app_user set position_id = null where position_id = ?"));
	}

}

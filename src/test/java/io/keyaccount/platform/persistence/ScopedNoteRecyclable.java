package io.keyaccount.platform.persistence;

import java.util.List;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import io.keyaccount.platform.recyclebin.RecyclableType;

@TestConfiguration(proxyBeanMethods = false)
public class ScopedNoteRecyclable {

	@Bean
	RecyclableType scopedNoteRecyclable() {
		return new RecyclableType("note", "recyclable.position", "ScopedNote", "scoped_note", "title", List.of());
	}

}

package io.keyaccount.platform.web;

/**
 * An enum whose values are shown to users: {@code #{${value.messageKey()}}} reads
 * {@code <EnumName>.<VALUE>} from the bundles, so no enum name ever reaches the screen.
 */
public interface Labelled {

	String name();

	default String messageKey() {
		return getClass().getSimpleName() + "." + name();
	}

}

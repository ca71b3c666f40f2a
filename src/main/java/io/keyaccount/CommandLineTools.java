package io.keyaccount;

import java.util.Map;
import java.util.function.ToIntFunction;

import io.keyaccount.platform.operations.H2BackupCommands;
import io.keyaccount.value.ValueFitCommand;

/**
 * Sub-commands that run without the web server ({@code java -jar keyaccount.jar <command> ...}).
 * They are dispatched before Spring starts so that they print only their own output.
 */
final class CommandLineTools {

	private static final Map<String, ToIntFunction<String[]>> COMMANDS = Map.of(
			"backup", H2BackupCommands::backup,
			"restore", H2BackupCommands::restore,
			"value-fit", ValueFitCommand::run);

	private CommandLineTools() {
	}

	static boolean handles(String name) {
		return COMMANDS.containsKey(name);
	}

	static int run(String name, String[] args) {
		return COMMANDS.get(name).applyAsInt(args);
	}

}

package io.keyaccount;

import java.util.Arrays;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class KeyaccountApplication {

	public static void main(String[] args) {
		if (args.length > 0 && CommandLineTools.handles(args[0])) {
			System.exit(CommandLineTools.run(args[0], Arrays.copyOfRange(args, 1, args.length)));
		}
		SpringApplication.run(KeyaccountApplication.class, args);
	}

}

package io.unveil.deploy;

/** Sets the log level before the first logger exists (slf4j-simple reads its configuration once). */
final class Logging {
    private Logging() {
    }

    static void configure(String[] args) {
        boolean verbose = false;
        for (String a : args) {
            if (a.equals("-v") || a.equals("--verbose")) verbose = true;
            if (a.equals("--")) break;
        }
        if (verbose) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "info");
            System.setProperty("org.slf4j.simpleLogger.log.org.apache.kafka", "warn");
            System.setProperty("org.slf4j.simpleLogger.log.kafka", "warn");
        }
        // log4j-core comes with the Kafka server jars; keep its own status logger silent.
        System.setProperty("log4j2.statusLoggerLevel", "OFF");
        System.setProperty("org.bytedeco.javacpp.logger", "slf4j");
    }
}

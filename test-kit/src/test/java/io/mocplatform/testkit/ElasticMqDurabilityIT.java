package io.mocplatform.testkit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What SendMessage acknowledged survives a kill -9 of the JVM running ElasticMQ with a data directory (the
 * devstack's mode). The sender runs in a child JVM that is killed right after its last acknowledged send; a second
 * child restarts on the same directory and receives everything. Runs alone: two extra JVMs beside the shared
 * emulators would slow every test on two cores.
 */
@Isolated
class ElasticMqDurabilityIT {

    private static final int MESSAGES = 150;

    @Test
    void shouldKeepEveryAcknowledgedMessage_whenTheJvmIsKilledRightAfterTheSends(@TempDir Path dataDir)
            throws Exception {
        List<String> acknowledged = new ArrayList<>();
        Process sender = child("send", dataDir.toString(), Integer.toString(MESSAGES));
        try (BufferedReader out = reader(sender)) {
            String line;
            while (acknowledged.size() < MESSAGES && (line = out.readLine()) != null) {
                if (line.startsWith("sent ")) {
                    acknowledged.add(line.substring("sent ".length()));
                }
            }
        } finally {
            sender.destroyForcibly();
            sender.waitFor(30, TimeUnit.SECONDS);
        }
        assertThat(acknowledged).as("acknowledged sends before the kill").hasSize(MESSAGES);

        Process drainer = child("drain", dataDir.toString());
        List<String> received = new ArrayList<>();
        try (BufferedReader out = reader(drainer)) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("received ")) {
                    received.add(line.substring("received ".length()));
                }
            }
        }
        assertThat(drainer.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(received).as("messages found after the restart").containsExactlyInAnyOrderElementsOf(acknowledged);
    }

    private static Process child(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-cp", System.getProperty("java.class.path"), ElasticMqChild.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }

    private static BufferedReader reader(Process process) {
        return new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }
}
